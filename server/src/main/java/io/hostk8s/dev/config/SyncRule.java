package io.hostk8s.dev.config;

import java.util.List;

/** Sync files under {@code from} (relative to the service context) to {@code to} in the container. */
public record SyncRule(String from, String to, List<String> ignore) {
  public SyncRule {
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
  }
}
