package io.hostk8s.dev.cluster;

import io.hostk8s.dev.progress.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records reports; cancels itself when a report matches {@link #cancelWhen}. */
final class RecordingProgress implements Progress {
  final List<String> reports = new CopyOnWriteArrayList<>();
  volatile Predicate<String> cancelWhen = m -> false;
  private volatile boolean cancelled;

  @Override public void begin(String title) {}

  @Override public void report(String message, Integer percentage) {
    reports.add(message);
    if (cancelWhen.test(message)) {
      cancelled = true;
    }
  }

  @Override public void end(String message) {}

  @Override public boolean isCancelled() {
    return cancelled;
  }
}
