import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cold JVM start → LSP initialize answered (median/p90 of N runs), idle RSS after initialize, jar size.
 * Run: bench/startup.sh   (java -cp <server jar> bench/StartupBench.java <jar> <runs> [jvm flags…])
 */
public class StartupBench {
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> flags = List.of(args).subList(2, args.length);
    Path ws = Files.createTempDirectory("bench-ws");
    List<Double> times = new ArrayList<>();
    long rssKb = 0;
    for (int i = 0; i < runs; i++) {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      cmd.addAll(flags);
      cmd.addAll(List.of("-jar", jar.toString(), "lsp"));
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).directory(ws.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
          + ws.toUri() + "\",\"capabilities\":{}}}");
      String body = read(p.getInputStream());
      while (!body.contains("\"id\":1") && !body.contains("\"id\":\"1\"")) {
        body = read(p.getInputStream());
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      if (!body.contains("\"result\"")) {
        throw new IllegalStateException("no initialize result: " + body);
      }
      times.add(ms);
      if (i == runs - 1) {
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        Thread.sleep(3000);
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            rssKb = Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      }
      send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");
      send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
      p.waitFor();
    }
    Collections.sort(times);
    System.out.printf("runs=%d flags=%s%n", runs, flags);
    System.out.printf("initialize answered: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms%n",
        times.get(runs / 2), times.get((int) Math.ceil(runs * 0.9) - 1), times.get(0), times.get(runs - 1));
    System.out.printf("idle RSS after initialize: %.1f MB%n", rssKb / 1024.0);
    System.out.printf("jar size: %.1f MB%n", Files.size(jar) / 1024.0 / 1024.0);
  }

  static void send(OutputStream out, String body) throws Exception {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.flush();
  }

  static String read(InputStream in) throws Exception {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      h.write(c);
      if (h.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        break;
      }
    }
    int len = 0;
    for (String line : h.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        len = Integer.parseInt(line.substring(15).trim());
      }
    }
    return new String(in.readNBytes(len), StandardCharsets.UTF_8);
  }
}
