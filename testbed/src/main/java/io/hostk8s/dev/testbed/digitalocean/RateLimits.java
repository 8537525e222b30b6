package io.hostk8s.dev.testbed.digitalocean;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ratelimit-*} headers of every answer: 5,000 requests per sliding hour; {@code ratelimit-reset} is
 * when the oldest counted request leaves the window (epoch seconds). Counts only; limiting is done by faults.
 */
final class RateLimits {

  static final int LIMIT = 5000;
  private static final long WINDOW_MS = 3_600_000L;

  private final Deque<Long> window = new ArrayDeque<>();

  /** Counts one request and returns the headers to send with its answer. */
  synchronized Map<String, String> count() {
    long now = System.currentTimeMillis();
    while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MS) {
      window.pollFirst();
    }
    window.addLast(now);
    return headers(now);
  }

  /** The headers as they stand now, without counting (for answers to rejected requests). */
  synchronized Map<String, String> exhausted() {
    Map<String, String> h = headers(System.currentTimeMillis());
    h.put("ratelimit-remaining", "0");
    return h;
  }

  private Map<String, String> headers(long now) {
    long oldest = window.isEmpty() ? now : window.peekFirst();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("ratelimit-limit", String.valueOf(LIMIT));
    h.put("ratelimit-remaining", String.valueOf(Math.max(0, LIMIT - window.size())));
    h.put("ratelimit-reset", String.valueOf((oldest + WINDOW_MS) / 1000));
    return h;
  }
}
