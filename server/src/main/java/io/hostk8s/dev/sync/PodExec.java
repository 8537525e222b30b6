package io.hostk8s.dev.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs one command in a container, feeding stdin from {@code input} (null: no stdin). The fabric8 implementation is
 * {@link Fabric8PodExec}; tests wrap it to inject failures.
 */
public interface PodExec {
  /** Exit code with stdout/stderr; a transport failure (pod gone, connection lost) is an IOException. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Writes the command's stdin. */
  interface Input {
    void writeTo(OutputStream stdin) throws IOException;
  }

  Result exec(PodRef pod, List<String> command, Input input, Duration timeout) throws IOException, InterruptedException;
}
