package io.hostk8s.voting.worker;

import java.time.Duration;

/** Doubling delays between reconnection attempts: 100 ms, 200 ms, … up to a maximum; reset on success. */
final class Backoff {
  static final Duration FIRST = Duration.ofMillis(100);

  private final Duration max;
  private Duration current;

  Backoff(Duration max) {
    this.max = max;
  }

  Duration next() {
    current = current == null ? min(FIRST, max) : min(current.multipliedBy(2), max);
    return current;
  }

  void reset() {
    current = null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
