package io.hostk8s.dev.testbed.prism;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism (npm {@code @stoplight/prism-cli}, pinned in {@code tools/prism}) serving DigitalOcean's official
 * OpenAPI spec: {@link #mock()} answers every operation from the spec's examples, {@link #proxy(String)} forwards to
 * a real server (the DigitalOcean stand-in) and, with {@code --errors}, turns any request or response that breaks
 * the contract into an error the test sees. {@link #close()} stops the process.
 */
public final class Prism implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private final Process process;
  private final String baseUrl;
  private final Path log;

  private Prism(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** A mock of the whole DigitalOcean API, answering from the spec's examples (dynamic off, so answers repeat). */
  public static Prism mock() {
    return start("mock", null);
  }

  /** A validating proxy to {@code upstream}: requests and responses that break the spec fail with an error. */
  public static Prism proxy(String upstream) {
    return start("proxy", upstream);
  }

  /** {@code http://127.0.0.1:PORT} (no trailing slash; paths start with /v2). */
  public String baseUrl() {
    return baseUrl;
  }

  /** Prism's own log (every request, every contract violation it found). */
  public Path log() {
    return log;
  }

  /**
   * Lines of Prism's log that report a contract violation so far. Prism writes its log line after it has answered,
   * so this waits up to a second for the log to settle.
   */
  public List<String> violations() {
    List<String> found = scan();
    for (int i = 0; i < 10 && found.isEmpty(); i++) {
      sleep(100);
      found = scan();
    }
    return found;
  }

  private List<String> scan() {
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (line.toLowerCase(java.util.Locale.ROOT).contains("violation")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      return List.of("cannot read " + log + ": " + e.getMessage());
    }
  }

  private static Prism start(String mode, String upstream) {
    PrismTool tool = PrismTool.locate();
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(tool.binary().toString(), mode, tool.spec().toString()));
    if (upstream != null) {
      cmd.add(upstream);
      cmd.add("--errors");
    }
    cmd.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
    try {
      Path log = Files.createTempFile("prism-" + mode + "-", ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      Prism prism = new Prism(p, "http://127.0.0.1:" + port, log);
      prism.awaitListening();
      return prism;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Prism (" + tool.binary() + "): " + e.getMessage(), e);
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prism exited with " + process.exitValue() + " before listening; see " + log);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + "/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        c.getResponseCode(); // any answer means it listens
        c.disconnect();
        return;
      } catch (IOException e) {
        sleep(200);
      }
    }
    close();
    throw new IllegalStateException("Prism did not listen within " + START_TIMEOUT.toSeconds() + " s; see " + log);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Prism", e);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
