package io.hostk8s.dev.process;

import java.util.List;

/** Exit code and the last lines of combined output (for error messages). */
public record ProcessResult(int exitCode, List<String> tail) {
  public ProcessResult {
    tail = List.copyOf(tail);
  }

  public boolean ok() {
    return exitCode == 0;
  }
}
