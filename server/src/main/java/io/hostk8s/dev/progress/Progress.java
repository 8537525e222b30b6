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

  /**
   * This progress as one phase of a longer one: the phase's 0–100 % are reported as {@code from}–{@code to} %, so a
   * command made of phases (up = cluster, build, deploy, sync) shows one scale that only goes forward. The phase's
   * begin and end become plain reports; cancellation is the outer one's.
   */
  static Progress phase(Progress outer, int from, int to) {
    return new Progress() {
      @Override public void begin(String title) { outer.report(title, null); }
      @Override public void report(String message, Integer percentage) {
        outer.report(message, percentage == null ? null : from + Math.max(0, Math.min(100, percentage)) * (to - from) / 100);
      }
      @Override public void end(String message) { outer.report(message, to); }
      @Override public boolean isCancelled() { return outer.isCancelled(); }
    };
  }

  /** Throws a CANCELLED error when the user cancelled; call between steps. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw HostK8sException.user(ErrorCode.CANCELLED, "Cancelled by the user.", null);
    }
  }
}
