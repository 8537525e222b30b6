package io.hostk8s.dev.testbed.digitalocean;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many requests arrived per {@code METHOD /path/{template}} (answered or not). */
public final class RequestCounts {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  void count(String method, String template) {
    counts.computeIfAbsent(method + " " + template, k -> new AtomicLong()).incrementAndGet();
  }

  /** A sorted snapshot: {@code "GET /v2/kubernetes/clusters/{cluster_id}" → n}. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The total over all methods and paths. */
  public long total() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  void reset() {
    counts.clear();
  }
}
