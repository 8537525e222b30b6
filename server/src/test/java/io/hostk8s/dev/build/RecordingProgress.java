package io.hostk8s.dev.build;

import io.hostk8s.dev.progress.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records reports; {@link #cancel()} makes {@link #isCancelled()} true, as when the user cancels. */
final class RecordingProgress implements Progress {
  final List<String> reports = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  void cancel() {
    cancelled = true;
  }

  @Override public void begin(String title) {}

  @Override public void report(String message, Integer percentage) {
    reports.add(message);
  }

  @Override public void end(String message) {}

  @Override public boolean isCancelled() {
    return cancelled;
  }
}
