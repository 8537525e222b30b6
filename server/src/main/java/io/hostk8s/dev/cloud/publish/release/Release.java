package io.hostk8s.dev.cloud.publish.release;

import java.util.List;
import java.util.Map;

/**
 * One release of the published app: what ran after an apply or a rollback became ready.
 *
 * @param number     1, 2, … in the order they were made
 * @param kind       {@code apply} or {@code rollback}
 * @param at         when it became ready (ISO-8601, UTC)
 * @param commit     the workspace's git commit ({@code HEAD}, with {@code -dirty} when files differ), or null
 * @param images     service → image reference (its tag is the content digest of what was built)
 * @param changed    services whose image differs from the release before
 * @param rolledBack for a rollback, the release whose images it restored
 */
public record Release(int number, String kind, String at, String commit, Map<String, String> images,
    List<String> changed, Integer rolledBack) {
  public static final String APPLY = "apply";
  public static final String ROLLBACK = "rollback";

  public Release {
    images = images == null ? Map.of() : Map.copyOf(images);
    changed = changed == null ? List.of() : List.copyOf(changed);
  }
}
