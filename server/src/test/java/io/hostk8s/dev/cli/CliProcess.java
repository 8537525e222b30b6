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

/**
 * A long-running CLI command of the real jar (`sync vote`, `forward vote`, `dev`…) as a second terminal runs it: stdout
 * and stderr together. {@link CliRunner} runs one to its end with the same command line ({@link #builder}).
 */
public final class CliProcess implements AutoCloseable {
  public final Process process;
  private final String name;
  private final StringBuilder transcript = new StringBuilder();
  private final Thread reader;

  private CliProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    reader = new Thread(() -> {
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
    Process p = builder(prefix, ws, env, false, args).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return new CliProcess(p, String.join(" ", args));
  }

  /**
   * {@code hostk8s-dev args} as a terminal in {@code dir} runs it: this JVM's java on the packaged jar, behind
   * {@code prefix} ({@code setsid}). KUBECONFIG and DOCKER_HOST of this machine are dropped unless {@code hostCluster}
   * (a test against its kind cluster), then {@code env} is added. The one place the tests build that command line.
   */
  static ProcessBuilder builder(List<String> prefix, Path dir, Map<String, String> env, boolean hostCluster, String... args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ServerProcess.jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    if (!hostCluster) {
      pb.environment().remove("KUBECONFIG");
      pb.environment().remove("DOCKER_HOST");
    }
    pb.environment().putAll(env);
    return pb;
  }

  /** Waits for an output line matching {@code p}; fails with the transcript if none comes (at once when the process ended). */
  public String await(Predicate<String> p, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (transcript) {
      while (true) {
        Optional<String> hit = transcript.toString().lines().filter(p).findFirst();
        if (hit.isPresent()) {
          return hit.get();
        }
        if (!process.isAlive() && !reader.isAlive()) { // ended and all it printed read: the line will not come
          throw new AssertionError("`" + name + "` exited (" + process.exitValue() + ") without printing the expected line:\n" + transcript);
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
