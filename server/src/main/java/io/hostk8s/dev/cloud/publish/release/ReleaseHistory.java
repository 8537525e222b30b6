package io.hostk8s.dev.cloud.publish.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The published app's releases, oldest first ({@code .hostk8s/publish/releases.json}). */
public record ReleaseHistory(int schema, List<Release> releases) {
  public static final int SCHEMA = 1;

  public ReleaseHistory {
    releases = releases == null ? List.of() : List.copyOf(releases);
  }

  public static ReleaseHistory empty() {
    return new ReleaseHistory(SCHEMA, List.of());
  }

  public Optional<Release> current() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
  }

  public Optional<Release> number(int n) {
    return releases.stream().filter(r -> r.number() == n).findFirst();
  }

  /** The release before the current one (what {@code publish rollback} returns to). */
  public Optional<Release> previous() {
    return releases.size() < 2 ? Optional.empty() : Optional.of(releases.get(releases.size() - 2));
  }

  public ReleaseHistory with(Release r) {
    List<Release> all = new ArrayList<>(releases);
    all.add(r);
    return new ReleaseHistory(schema, all);
  }

  public int nextNumber() {
    return current().map(r -> r.number() + 1).orElse(1);
  }
}
