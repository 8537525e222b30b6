package io.hostk8s.voting.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process and file helpers shared by the test fixtures. */
final class TestProcesses {
  private TestProcesses() {}

  /** SIGKILLs the process and all its descendants and waits for it to be gone. */
  static void killTree(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a command to completion (output to {@code log}); throws with the log's tail when it fails. */
  static void run(Path log, long timeoutSeconds, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      killTree(process);
      throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
          + "\n" + tail(log));
    }
    if (process.exitValue() != 0) {
      throw new IOException("exit " + process.exitValue() + ": " + String.join(" ", command) + "\n" + tail(log));
    }
  }

  static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temp dir
    }
  }
}
