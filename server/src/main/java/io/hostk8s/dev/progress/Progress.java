package io.hostk8s.dev.progress;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;

/**
 * Reports the progress of one long operation and tells it when the user cancelled.
 * LSP maps it to {@code $/progress}, the CLI to lines on stderr; {@link #NONE} does nothing.
 */
public interface Progress {
  Progress NONE = new Progress() {
    @Override public void begin(String title) {}
    @Override public void report(String message, Integer percentage) {}
    @Override public void end(String message) {}
    @Override public boolean isCancelled() { return false; }
  };

  void begin(String title);

  void report(String message, Integer percentage);

  default void report(String message) {
    report(message, null);
  }

  void end(String message);

  boolean isCancelled();

  /** Throws a CANCELLED error when the user cancelled; call between steps. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw HostK8sException.user(ErrorCode.CANCELLED, "Cancelled by the user.", null);
    }
  }
}
