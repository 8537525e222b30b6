package io.hostk8s.dev.dev;

import io.hostk8s.dev.cli.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code hostk8s-dev dev --sandbox} as a terminal runs it (own process group), and the sandbox it may leave. */
final class DevProcess {
  private DevProcess() {}

  static CliProcess start(Path ws, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("dev", "--sandbox", "--workspace", ws.toString()));
    args.addAll(List.of(extra));
    return CliProcess.startInOwnGroup(ws, Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar")), args.toArray(String[]::new));
  }

  /** This workspace's sandbox process, while it runs. */
  static Optional<ProcessHandle> sandbox(Path ws) {
    try {
      long pid = Long.parseLong(Files.readString(ws.resolve(".hostk8s/sandbox/sandbox.pid")).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
