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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The sandbox as a background process: state files {@code kubeconfig}, {@code sandbox.pid}, {@code ready}. */
final class SandboxDaemon {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private SandboxDaemon() {
  }

  static int runForeground(Path workspace, Path state, int port) throws Exception {
    Files.createDirectories(state);
    Files.deleteIfExists(state.resolve("ready"));
    Files.writeString(state.resolve("sandbox.pid"), ProcessHandle.current().pid() + "\n");
    Sandbox sandbox = Sandbox.start(new SandboxOptions(workspace, state, port,
        io.hostk8s.dev.testbed.recipes.Recipes.defaults()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      try {
        Files.deleteIfExists(state.resolve("ready"));
        Files.deleteIfExists(state.resolve("sandbox.pid"));
      } catch (IOException e) {
        // shutting down anyway
      }
      stopped.countDown();
    }, "sandbox-shutdown"));
    Files.writeString(state.resolve("ready"), sandbox.apiUrl() + "\n");
    stopped.await();
    return 0;
  }

  static int up(Path workspace, Path state, int port, PrintStream out, PrintStream err) throws Exception {
    Files.createDirectories(state);
    Optional<ProcessHandle> running = running(state);
    if (running.isPresent() && Files.exists(state.resolve("ready"))) {
      out.println("sandbox already running (pid " + running.get().pid() + ")");
      out.println(state.resolve("kubeconfig"));
      return 0;
    }
    if (running.isPresent()) {
      down(state, out, err);
    }
    Files.deleteIfExists(state.resolve("ready"));
    Path log = state.resolve("sandbox.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(), "run",
        "--workspace", workspace.toString(), "--state-dir", state.toString(), "--port", String.valueOf(port)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(state.resolve("ready"))) {
      if (!p.isAlive() && running(state).isEmpty()) {
        err.println("sandbox exited with code " + p.exitValue() + " before it was ready; last lines of " + log
            + ":\n" + tail(log, 30));
        return 1;
      }
      if (System.nanoTime() > deadline) {
        err.println("sandbox not ready after " + START_TIMEOUT.toSeconds() + " s; last lines of " + log + ":\n"
            + tail(log, 30));
        return 1;
      }
      Thread.sleep(100);
    }
    out.println("sandbox running (pid " + Files.readString(state.resolve("sandbox.pid")).trim() + ", API "
        + Files.readString(state.resolve("ready")).trim() + ")");
    out.println(state.resolve("kubeconfig"));
    return 0;
  }

  static int down(Path state, PrintStream out, PrintStream err) throws IOException {
    Optional<ProcessHandle> running = running(state);
    if (running.isEmpty()) {
      Files.deleteIfExists(state.resolve("sandbox.pid"));
      Files.deleteIfExists(state.resolve("ready"));
      out.println("sandbox not running");
      return 0;
    }
    ProcessHandle h = running.get();
    List<ProcessHandle> tree = new ArrayList<>(h.descendants().collect(Collectors.toList()));
    h.destroy();
    try {
      h.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("sandbox pid " + h.pid() + " did not stop in " + STOP_GRACE.toSeconds() + " s: killing it");
    }
    ProcessTrees.kill(h, Duration.ofSeconds(2));
    tree.stream().filter(ProcessHandle::isAlive).forEach(p -> ProcessTrees.kill(p, Duration.ofSeconds(2)));
    Files.deleteIfExists(state.resolve("sandbox.pid"));
    Files.deleteIfExists(state.resolve("ready"));
    out.println("stopped sandbox (pid " + h.pid() + ", " + tree.size() + " pod processes)");
    return 0;
  }

  static Optional<ProcessHandle> running(Path state) throws IOException {
    Path pidFile = state.resolve("sandbox.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(SandboxMain.class.getName())).orElse(true));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String tail(Path log, int lines) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> all = Files.readAllLines(log);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
