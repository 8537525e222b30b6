package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.kubelet.ProcessTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@link SandboxMain} service as a background process. In its state dir: {@code <name>.pid}, {@code <name>.log}
 * and {@code ready} (holding the service's URL once it serves). {@code up} re-runs this jar's main with
 * {@code runArgs} detached; {@code down} stops the process and everything it started.
 */
public final class Daemon {

  /** What {@link #serve} runs: a URL to announce, closed at shutdown. */
  public interface Service extends AutoCloseable {
    String url();

    @Override
    void close();
  }

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Path state;
  private final String name;

  public Daemon(Path state, String name) {
    this.state = state;
    this.name = name;
  }

  private Path pidFile() {
    return state.resolve(name + ".pid");
  }

  private Path readyFile() {
    return state.resolve("ready");
  }

  public Path log() {
    return state.resolve(name + ".log");
  }

  /** In the foreground: starts the service, announces it in {@code ready}, serves until the JVM is stopped. */
  public int serve(Callable<Service> start) throws Exception {
    Files.createDirectories(state);
    Files.deleteIfExists(readyFile());
    Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n");
    Service service = start.call();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      try {
        Files.deleteIfExists(readyFile());
        Files.deleteIfExists(pidFile());
      } catch (IOException e) {
        // shutting down anyway
      }
      stopped.countDown();
    }, name + "-shutdown"));
    Files.writeString(readyFile(), service.url() + "\n");
    stopped.await();
    return 0;
  }

  /**
   * Starts the detached process (unless it already runs) and waits until it is ready; returns the content of
   * {@code ready} (its URL), or empty after telling {@code err} why it failed.
   */
  public Optional<String> up(List<String> runArgs, PrintStream out, PrintStream err) throws Exception {
    Files.createDirectories(state);
    Optional<ProcessHandle> running = running();
    if (running.isPresent() && Files.exists(readyFile())) {
      out.println(name + " already running (pid " + running.get().pid() + ")");
      return Optional.of(Files.readString(readyFile()).trim());
    }
    if (running.isPresent()) {
      down(out, err);
    }
    Files.deleteIfExists(readyFile());
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid");
    }
    // the class path goes in CLASSPATH: a long -cp would push the main class out of the command line that
    // running() recognises the process by
    cmd.addAll(List.of(java, SandboxMain.class.getName()));
    cmd.addAll(runArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(readyFile())) {
      if (!p.isAlive() && running().isEmpty()) {
        err.println(name + " exited with code " + p.exitValue() + " before it was ready; last lines of " + log()
            + ":\n" + tail(30));
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        err.println(name + " not ready after " + START_TIMEOUT.toSeconds() + " s; last lines of " + log() + ":\n"
            + tail(30));
        return Optional.empty();
      }
      Thread.sleep(100);
    }
    out.println(name + " running (pid " + Files.readString(pidFile()).trim() + ")");
    return Optional.of(Files.readString(readyFile()).trim());
  }

  /** Stops the process and every process it started. */
  public int down(PrintStream out, PrintStream err) throws IOException {
    Optional<ProcessHandle> running = running();
    if (running.isEmpty()) {
      Files.deleteIfExists(pidFile());
      Files.deleteIfExists(readyFile());
      out.println(name + " not running");
      return 0;
    }
    ProcessHandle h = running.get();
    List<ProcessHandle> tree = new ArrayList<>(h.descendants().collect(Collectors.toList()));
    h.destroy();
    try {
      h.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println(name + " pid " + h.pid() + " did not stop in " + STOP_GRACE.toSeconds() + " s: killing it");
    }
    ProcessTrees.kill(h, Duration.ofSeconds(2));
    tree.stream().filter(ProcessHandle::isAlive).forEach(p -> ProcessTrees.kill(p, Duration.ofSeconds(2)));
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(readyFile());
    out.println("stopped " + name + " (pid " + h.pid() + ", " + tree.size() + " child processes)");
    return 0;
  }

  public Optional<ProcessHandle> running() throws IOException {
    if (!Files.exists(pidFile())) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(SandboxMain.class.getName())).orElse(true));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String tail(int lines) throws IOException {
    if (!Files.exists(log())) {
      return "(no log)";
    }
    List<String> all = Files.readAllLines(log());
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
