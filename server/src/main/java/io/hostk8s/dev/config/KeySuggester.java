package io.hostk8s.dev.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid key nearest to a misspelt one (edit distance, case-insensitive). */
public final class KeySuggester {
  private KeySuggester() {}

  public static Optional<String> nearest(String unknown, Collection<String> valid) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String u = unknown.toLowerCase(Locale.ROOT);
    for (String candidate : valid) {
      int d = distance(u, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, unknown.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
