package io.hostk8s.dev.dev;

import io.hostk8s.dev.lsp.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code hostk8s-dev dev} as a terminal runs it: in its own session and process group ({@code setsid}), so the
 * test can send SIGINT to the whole group exactly as a terminal's Ctrl-C does. Collects the combined output.
 */
final class DevProcess implements AutoCloseable {
  final Process process;
  private final StringBuilder transcript = new StringBuilder();

  private DevProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          synchronized (transcript) {
            transcript.append(l).append('\n');
            transcript.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // process ended
      }
    }, "dev-output");
    reader.setDaemon(true);
    reader.start();
  }

  static DevProcess start(Path ws, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        ServerProcess.jar().toString(), "dev", "--sandbox", "--workspace", ws.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true);
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("DOCKER_HOST");
    pb.environment().put("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
    Process p = pb.start();
    p.getOutputStream().close();
    return new DevProcess(p);
  }

  /** Waits for an output line matching {@code p}; fails with the transcript if none comes or dev exits. */
  String await(Predicate<String> p, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    boolean exited = false;
    synchronized (transcript) {
      while (true) {
        Optional<String> hit = transcript.toString().lines().filter(p).findFirst();
        if (hit.isPresent()) {
          return hit.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || exited) {
          throw new AssertionError("expected line not printed within " + seconds + " s (dev alive: " + process.isAlive() + "):\n" + transcript);
        }
        exited = !process.isAlive(); // one more look after it exited: the reader may still be delivering lines
        transcript.wait(exited ? 500 : Math.max(1, Math.min(250, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
  }

  /** Ctrl-C as a terminal sends it: SIGINT to every process of the group. */
  void interruptGroup() throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -INT -" + process.pid() + " failed");
    }
  }

  String transcript() {
    synchronized (transcript) {
      return transcript.toString();
    }
  }

  static Optional<ProcessHandle> sandbox(Path ws) {
    try {
      long pid = Long.parseLong(Files.readString(ws.resolve(".hostk8s/sandbox/sandbox.pid")).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
