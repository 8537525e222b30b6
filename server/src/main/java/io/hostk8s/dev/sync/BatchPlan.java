package io.hostk8s.dev.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * One batch, planned as data before anything is sent: files to copy (local path → container path), container
 * paths to delete, and what was skipped (refused or unchanged). {@code reason} is "watch" (saved files) or
 * "reconcile" (start, pod replaced, retry); {@code earliestChangeMillis} is when the oldest change in it was saved.
 */
public record BatchPlan(String reason, List<Copy> copies, List<Delete> deletes, List<Skip> skipped, long earliestChangeMillis) {
  public BatchPlan {
    copies = List.copyOf(copies);
    deletes = List.copyOf(deletes);
    skipped = List.copyOf(skipped);
  }

  /** Copy {@code local} to {@code target}; {@code hash} is the content hash planned (the sent one may be newer). */
  public record Copy(SyncSource source, String rel, Path local, String target, String hash) {}

  /** Delete {@code target} (recursively) in the container. */
  public record Delete(SyncSource source, String rel, String target) {}

  /** A path not synced, and why (refused by path safety; "unchanged" is not listed). */
  public record Skip(String path, String why) {}

  public boolean isEmpty() {
    return copies.isEmpty() && deletes.isEmpty();
  }
}
