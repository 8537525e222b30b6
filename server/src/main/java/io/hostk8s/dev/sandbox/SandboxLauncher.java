package io.hostk8s.dev.sandbox;

import io.hostk8s.dev.config.RunningSandbox;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and stops the sandbox test bed (a separate jar, never part of the server jar) by delegating to its
 * own {@code up}/{@code down} commands. State lives in {@code <workspace>/.hostk8s/sandbox}.
 */
public final class SandboxLauncher {
  public static final String JAR_NAME = "hostk8s-dev-testbed.jar";
  private final ProcessRunner runner;

  public SandboxLauncher(ProcessRunner runner) {
    this.runner = runner;
  }

  public record UpResult(String kubeconfig, String stateDir) {}

  public record DownResult(List<String> output) {}

  public static Path stateDir(Workspace ws) {
    return RunningSandbox.stateDir(ws.root());
  }

  /** Whether this workspace's sandbox is running now (its pid file names a live process). */
  public static boolean isRunning(Workspace ws) {
    return RunningSandbox.isRunning(ws.root());
  }

  public UpResult up(Workspace ws, Progress progress) {
    Path jar = findJar(ws);
    List<String> lines = new ArrayList<>();
    ProcessResult r = runner.run(spec(ws, jar, "up", "--workspace", ws.root().toString(), "--state-dir", stateDir(ws).toString()),
        line -> {
          lines.add(line);
          progress.report(line);
        }, progress);
    if (!r.ok() || lines.isEmpty()) {
      throw new HostK8sException(ErrorCode.SANDBOX_FAILED, "The sandbox did not start (exit " + r.exitCode() + "): "
          + String.join(" | ", r.tail()), List.of("See " + stateDir(ws).resolve("sandbox.log") + "; `hostk8s-dev sandbox down` cleans up."), true, null);
    }
    Path kubeconfig = Path.of(lines.get(lines.size() - 1).trim());
    return new UpResult(kubeconfig.toString(), stateDir(ws).toString());
  }

  public DownResult down(Workspace ws, Progress progress) {
    Path jar = findJar(ws);
    List<String> lines = new ArrayList<>();
    ProcessResult r = runner.run(spec(ws, jar, "down", "--state-dir", stateDir(ws).toString()), lines::add, progress);
    if (!r.ok()) {
      throw new HostK8sException(ErrorCode.SANDBOX_FAILED, "Stopping the sandbox failed: " + String.join(" | ", r.tail()),
          List.of("Look for leftover processes with `pgrep -af io.hostk8s.dev.testbed` and stop them."), true, null);
    }
    return new DownResult(lines);
  }

  private static ProcessSpec spec(Workspace ws, Path jar, String... args) {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return new ProcessSpec(cmd, ws.root(), Map.of());
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** HOSTK8S_SANDBOX_JAR, then next to the server jar, then the source tree's testbed/target. */
  public static Path findJar(Workspace ws) {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(ws.env().get("HOSTK8S_SANDBOX_JAR")).map(Path::of).ifPresent(candidates::add);
    serverJarDir().ifPresent(dir -> {
      candidates.add(dir.resolve(JAR_NAME));
      candidates.add(dir.resolve("../../testbed/target").resolve(JAR_NAME).normalize());
    });
    candidates.add(ws.root().resolve("testbed/target").resolve(JAR_NAME));
    return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> HostK8sException.user(
        ErrorCode.SANDBOX_NOT_INSTALLED, "The sandbox test bed jar was not found (looked at " + candidates + ").",
        "Build it: `mvn -pl testbed -am package -DskipTests` in the HostK8s Dev repository, or set HOSTK8S_SANDBOX_JAR."));
  }

  private static Optional<Path> serverJarDir() {
    try {
      Path p = Path.of(SandboxLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p.getParent()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
