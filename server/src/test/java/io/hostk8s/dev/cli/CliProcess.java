package io.hostk8s.dev.cli;

import io.hostk8s.dev.lsp.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A long-running CLI command of the real jar (`sync vote`, `forward vote`…) as a second terminal runs it: stdout and stderr together. */
public final class CliProcess implements AutoCloseable {
  public final Process process;
  private final String name;
  private final StringBuilder transcript = new StringBuilder();

  private CliProcess(Process process, String name) {
    this.process = process;
    this.name = name;
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
    }, "cli-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static CliProcess start(Path ws, Map<String, String> env, String... args) throws IOException {
    return start(List.of(), ws, env, args);
  }

  /**
   * As a terminal runs it: in its own session and process group ({@code setsid}), so {@link #interruptGroup()} can send
   * SIGINT to the whole group exactly as a terminal's Ctrl-C does.
   */
  public static CliProcess startInOwnGroup(Path ws, Map<String, String> env, String... args) throws IOException {
    return start(List.of("setsid"), ws, env, args);
  }

  private static CliProcess start(List<String> prefix, Path ws, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ServerProcess.jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true);
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("DOCKER_HOST");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    return new CliProcess(p, String.join(" ", args));
  }

  /** Waits for an output line matching {@code p}; fails with the transcript if none comes. */
  public String await(Predicate<String> p, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (transcript) {
      while (true) {
        Optional<String> hit = transcript.toString().lines().filter(p).findFirst();
        if (hit.isPresent()) {
          return hit.get();
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("`" + name + "`: expected line not printed within " + seconds + " s (alive: " + process.isAlive() + "):\n"
              + transcript);
        }
        transcript.wait(Math.min(250, left));
      }
    }
  }

  /** Waits for the process to end by itself; its exit code. */
  public int awaitExit(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("`" + name + "` still running after " + seconds + " s:\n" + transcript());
    }
    return process.exitValue();
  }

  /**
   * SIGTERM (what Ctrl-C does to the JVM: the shutdown hooks run). Through the process handle: {@code Process.destroy()}
   * would also close our end of its output, losing what it prints while it stops.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Ctrl-C as a terminal sends it: SIGINT to every process of the group (see {@link #startInOwnGroup}). */
  public void interruptGroup() throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -INT -" + process.pid() + " failed");
    }
  }

  public String transcript() {
    synchronized (transcript) {
      return transcript.toString();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
