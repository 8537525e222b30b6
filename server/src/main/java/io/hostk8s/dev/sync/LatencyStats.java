package io.hostk8s.dev.sync;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Latencies of a session (the last {@value #KEEP}) with nearest-rank percentiles. */
final class LatencyStats {
  static final int KEEP = 1000;
  private final Deque<Long> samples = new ArrayDeque<>();
  private Long last;

  synchronized void add(long ms) {
    if (samples.size() == KEEP) {
      samples.removeFirst();
    }
    samples.addLast(ms);
    last = ms;
  }

  synchronized Long last() {
    return last;
  }

  synchronized Long percentile(double p) {
    if (samples.isEmpty()) {
      return null;
    }
    long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
