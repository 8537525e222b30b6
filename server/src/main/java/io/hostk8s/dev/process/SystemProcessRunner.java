package io.hostk8s.dev.process;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs real processes; stdout and stderr merged, streamed line by line; cancellation kills the tree. */
public final class SystemProcessRunner implements ProcessRunner {
  private static final int TAIL = 40;

  @Override
  public ProcessResult run(ProcessSpec spec, Consumer<String> lines, Progress progress) {
    ProcessBuilder pb = new ProcessBuilder(spec.command()).redirectErrorStream(true);
    if (spec.directory() != null) {
      pb.directory(spec.directory().toFile());
    }
    pb.environment().putAll(spec.env());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw HostK8sException.user(ErrorCode.INTERNAL, "Cannot run " + spec.command().get(0) + ": " + e.getMessage(),
          "Check that " + spec.command().get(0) + " is installed and on PATH.");
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to close
    }
    LineTail tail = new LineTail(TAIL);
    Thread reader = new Thread(() -> pump(process, lines, tail), "process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
        if (progress.isCancelled()) {
          ProcessTrees.kill(process.toHandle(), 3000);
          progress.checkCancelled();
        }
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      ProcessTrees.kill(process.toHandle(), 3000);
      Thread.currentThread().interrupt();
      throw HostK8sException.user(ErrorCode.CANCELLED, "Interrupted.", null);
    }
    return new ProcessResult(process.exitValue(), tail.lines());
  }

  private static void pump(Process process, Consumer<String> lines, LineTail tail) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        tail.add(line);
        lines.accept(line);
      }
    } catch (IOException ignored) {
      // process ended
    }
  }
}
