package io.hostk8s.dev.sync;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Coalesces watcher events into batches. Repeated changes of one path collapse into one entry (remembering the
 * earliest change), so the queue holds at most one entry per distinct path however long a burst lasts. A batch is
 * released after {@code quietMs} without new events, or once the oldest pending change is {@code capMs} old so a
 * never-ending stream still flushes. A rescan request (pod replaced, watcher overflow, failed send) travels with
 * the next batch.
 */
final class ChangeQueue {
  /** What one batch has to handle: changed paths with their earliest change time (epoch ms), and whether to rescan. */
  record Work(Map<Path, Long> changes, boolean rescan, long earliestMillis) {
    boolean isEmpty() {
      return changes.isEmpty() && !rescan;
    }
  }

  private final long quietNanos;
  private final long capNanos;
  private final LinkedHashMap<Path, Long> pending = new LinkedHashMap<>();
  private boolean rescan;
  private boolean wasPending;
  private long firstNanos;
  private long lastNanos;
  private int maxPending;
  private long events;
  private boolean closed;

  ChangeQueue(long quietMs, long capMs) {
    this.quietNanos = quietMs * 1_000_000;
    this.capNanos = capMs * 1_000_000;
  }

  synchronized void changed(Path path, long atMillis) {
    events++;
    pending.merge(path, atMillis, Math::min);
    maxPending = Math.max(maxPending, pending.size());
    touch();
  }

  synchronized void rescan() {
    rescan = true;
    touch();
  }

  private void touch() {
    long now = System.nanoTime();
    if (!wasPending) {
      firstNanos = now;
    }
    wasPending = true;
    lastNanos = now;
    notifyAll();
  }

  /** Puts an unsent batch back (merged with what came since), to be retried. */
  synchronized void putBack(Work work) {
    work.changes().forEach((p, t) -> pending.merge(p, t, Math::min));
    rescan |= work.rescan();
    maxPending = Math.max(maxPending, pending.size());
    if (!wasPending) {
      firstNanos = System.nanoTime();
      lastNanos = firstNanos;
      wasPending = true;
    }
    notifyAll();
  }

  /**
   * Blocks until a batch is due (or {@code maxWaitMs} passed: then possibly an empty Work), or null once closed.
   */
  synchronized Work take(long maxWaitMs) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
    while (!closed) {
      long now = System.nanoTime();
      if (wasPending) {
        long quietLeft = lastNanos + quietNanos - now;
        long capLeft = firstNanos + capNanos - now;
        if (quietLeft <= 0 || capLeft <= 0) {
          return drain();
        }
        waitNanos(Math.min(quietLeft, capLeft));
      } else {
        long left = deadline - now;
        if (left <= 0) {
          return new Work(Map.of(), false, 0);
        }
        waitNanos(left);
      }
    }
    return null;
  }

  private void waitNanos(long nanos) throws InterruptedException {
    long ms = Math.max(1, nanos / 1_000_000);
    wait(ms);
  }

  private Work drain() {
    Map<Path, Long> out = new LinkedHashMap<>(pending);
    long earliest = out.values().stream().mapToLong(Long::longValue).min().orElse(System.currentTimeMillis());
    Work w = new Work(out, rescan, earliest);
    pending.clear();
    rescan = false;
    wasPending = false;
    return w;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** The most distinct paths ever pending at once (the queue's memory bound, checked by the burst test). */
  synchronized int maxPending() {
    return maxPending;
  }

  /** Watcher events received so far. */
  synchronized long events() {
    return events;
  }
}
