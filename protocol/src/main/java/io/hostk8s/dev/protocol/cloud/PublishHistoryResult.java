package io.hostk8s.dev.protocol.cloud;

import java.util.List;

/** {@code hostk8s.publish.history} and {@code .rollback}: the releases, oldest first, and a table of them in {@code lines}. */
public record PublishHistoryResult(boolean ok, String summary, List<CloudRelease> releases, List<String> lines) {
  public PublishHistoryResult {
    releases = releases == null ? List.of() : List.copyOf(releases);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
