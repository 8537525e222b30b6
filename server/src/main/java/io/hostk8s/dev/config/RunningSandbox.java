package io.hostk8s.dev.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This workspace's sandbox test bed as the file system shows it: its state lives in {@code .hostk8s/sandbox}; it
 * runs while {@code sandbox.pid} names a live process, and answers once it wrote {@code ready} (after its API
 * listens; removed when it stops) — then {@code kubeconfig} there is the one to use.
 */
public final class RunningSandbox {
  private RunningSandbox() {}

  /** {@code <workspace>/.hostk8s/sandbox}. */
  public static Path stateDir(Path workspace) {
    return workspace.toAbsolutePath().normalize().resolve(".hostk8s").resolve("sandbox");
  }

  /** Whether the sandbox of {@code workspace} is running now (its pid file names a live process). */
  public static boolean isRunning(Path workspace) {
    try {
      long pid = Long.parseLong(Files.readString(stateDir(workspace).resolve("sandbox.pid")).trim());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** The running sandbox's kubeconfig once it answers; empty when it is not running or still starting. */
  public static Optional<Path> kubeconfig(Path workspace) {
    Path state = stateDir(workspace);
    Path kubeconfig = state.resolve("kubeconfig");
    return isRunning(workspace) && Files.isRegularFile(state.resolve("ready")) && Files.isRegularFile(kubeconfig)
        ? Optional.of(kubeconfig) : Optional.empty();
  }
}
