package io.hostk8s.dev.process;

import io.hostk8s.dev.progress.Progress;
import java.util.function.Consumer;

/**
 * Every external command (make, kind, the sandbox JVM…) goes through this interface, so tests can fake it.
 * Output lines are streamed to {@code lines}; cancelling {@code progress} kills the whole process tree.
 */
public interface ProcessRunner {
  ProcessResult run(ProcessSpec spec, Consumer<String> lines, Progress progress);
}
