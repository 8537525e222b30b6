import io.hostk8s.dev.debug.DapConnection;
import io.hostk8s.dev.debug.java.JavaDebugAdapter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * attach → stopped at a breakpoint through JavaDebugAdapter (java-debug in-process) against a real JDWP JVM.
 * One debuggee, N sessions (each: initialize, attach, setBreakpoints, configurationDone, stopped, disconnect).
 * Run: bash bench/javadebug.sh [runs]
 */
public class JavaDebugBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dir = Path.of("bench/javadebug").toAbsolutePath();
    Path src = dir.resolve("Spin.java");
    int line = lineOf(src);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process debuggee = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port, src.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(debuggee.getInputStream()))) {
      String first = r.readLine();
      if (first == null || !first.contains("Listening")) {
        throw new IllegalStateException("debuggee did not listen: " + first);
      }
      Thread.sleep(1500); // let the source launcher compile and start Spin
      List<Double> attach = new ArrayList<>();
      List<Double> stopped = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        double[] t = session(port, src, line);
        attach.add(t[0]);
        stopped.add(t[1]);
      }
      System.out.printf("java-debug attach (initialize+attach answered): first %.0f ms, %s%n", attach.get(0), stats(attach.subList(1, runs)));
      System.out.printf("java-debug attach -> stopped at breakpoint:      first %.0f ms, %s%n", stopped.get(0), stats(stopped.subList(1, runs)));
      Thread.sleep(2000);
      if (System.getenv("BENCH_THREADS") != null) {
        Thread.getAllStackTraces().keySet().forEach(t -> System.out.println("  thread " + t.getName() + " daemon=" + t.isDaemon()));
      }
      long session = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("java-debug") || t.getName().startsWith("JDI") || t.getName().startsWith("RxNewThread"))
          .count();
      System.out.printf("session threads (java-debug server, JDI, Rx per-session) alive 2 s after %d sessions: %d%n", runs, session);
    } finally {
      debuggee.destroyForcibly();
    }
    System.exit(0); // lsp4j's listener pools keep idle non-daemon threads for a minute
  }

  static double[] session(int port, Path src, int line) throws Exception {
    CompletableFuture<StoppedEventArguments> stop = new CompletableFuture<>();
    IDebugProtocolClient client = new IDebugProtocolClient() {
      @Override
      public void stopped(StoppedEventArguments args) {
        stop.complete(args);
      }
    };
    try (DapConnection conn = JavaDebugAdapter.start(List.of(src.getParent()))) {
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(client, conn.in(), conn.out());
      IDebugProtocolServer server = l.getRemoteProxy();
      l.startListening();
      long t0 = System.nanoTime();
      InitializeRequestArguments init = new InitializeRequestArguments();
      init.setAdapterID("hostk8s");
      init.setLinesStartAt1(true);
      init.setPathFormat("path");
      server.initialize(init).get(20, TimeUnit.SECONDS);
      server.attach(Map.of("hostName", "127.0.0.1", "port", port)).get(30, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      SetBreakpointsArguments sb = new SetBreakpointsArguments();
      Source s = new Source();
      s.setPath(src.toString());
      sb.setSource(s);
      SourceBreakpoint bp = new SourceBreakpoint();
      bp.setLine(line);
      sb.setBreakpoints(new SourceBreakpoint[] {bp});
      server.setBreakpoints(sb).get(20, TimeUnit.SECONDS);
      server.configurationDone(new ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      StoppedEventArguments st = stop.get(30, TimeUnit.SECONDS);
      long t2 = System.nanoTime();
      sb.setBreakpoints(new SourceBreakpoint[0]);
      server.setBreakpoints(sb).get(20, TimeUnit.SECONDS);
      ContinueArguments ca = new ContinueArguments();
      ca.setThreadId(st.getThreadId());
      server.continue_(ca).get(20, TimeUnit.SECONDS);
      DisconnectArguments da = new DisconnectArguments();
      da.setTerminateDebuggee(false);
      server.disconnect(da).get(20, TimeUnit.SECONDS);
      return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6};
    }
  }

  static int lineOf(Path src) throws Exception {
    List<String> lines = Files.readAllLines(src);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// BREAKPOINT")) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no marker");
  }

  static String stats(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return String.format("then median %.0f ms, p90 %.0f ms, min %.0f, max %.0f (%d runs)", s.get(s.size() / 2),
        s.get((int) Math.min(s.size() - 1, Math.ceil(s.size() * 0.9) - 1)), s.get(0), s.get(s.size() - 1), s.size());
  }
}
