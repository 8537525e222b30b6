package io.hostk8s.dev.cloud.publish.release;

import io.hostk8s.dev.protocol.cloud.CloudRelease;
import io.hostk8s.dev.protocol.cloud.PublishHistoryResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The history as clients get it: records for --json and the tree, a table for people. */
public final class ReleaseViews {
  private ReleaseViews() {}

  public static PublishHistoryResult of(ReleaseHistory history, List<String> before, String summary) {
    int current = history.current().map(Release::number).orElse(-1);
    List<CloudRelease> releases = history.releases().stream().map(r -> new CloudRelease(r.number(), r.kind(), r.at(),
        r.commit(), r.images(), r.changed(), r.rolledBack(), r.number() == current)).toList();
    List<String> lines = new ArrayList<>(before);
    if (releases.isEmpty()) {
      lines.add("no release recorded yet (publish apply records one when the app is ready)");
    } else {
      lines.add(row("", "#", "kind", "at", "commit", "changed", "images"));
      for (CloudRelease r : releases) {
        lines.add(row(r.current() ? "*" : "", String.valueOf(r.number()), r.kind(), seconds(r.at()), shortCommit(r.commit()),
            r.rolledBack() != null ? "back to " + r.rolledBack() : r.changed().isEmpty() ? "-" : String.join(",", r.changed()),
            tags(r.images())));
      }
    }
    return new PublishHistoryResult(true, summary != null ? summary : summary(history), releases, lines);
  }

  private static String summary(ReleaseHistory history) {
    return history.current().map(r -> "release " + r.number() + " running (" + history.releases().size() + " recorded)")
        .orElse("no release recorded yet");
  }

  private static String row(String mark, String n, String kind, String at, String commit, String changed, String images) {
    return String.format(Locale.ROOT, "%-1s %3s  %-8s  %-20s  %-14s  %-18s  %s", mark, n, kind, at, commit, changed, images);
  }

  /** The table shows the time to the second (--json keeps it whole). */
  private static String seconds(String at) {
    try {
      return Instant.parse(at).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (RuntimeException notAnInstant) {
      return at;
    }
  }

  private static String shortCommit(String commit) {
    if (commit == null) {
      return "-";
    }
    return commit.length() > 12 ? commit.substring(0, 12) + (commit.endsWith("-dirty") ? "-dirty" : "") : commit;
  }

  /** service:tag, short, for the table. */
  private static String tags(Map<String, String> images) {
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(images).forEach((service, ref) -> {
      String tag = ref.substring(ref.lastIndexOf('/') + 1);
      tag = tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : tag;
      parts.add(service + ":" + (tag.length() > 12 ? tag.substring(0, 12) : tag));
    });
    return String.join(" ", parts);
  }
}
