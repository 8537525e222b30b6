package io.hostk8s.intellij.core.status;

import io.hostk8s.dev.protocol.StatusSnapshot;

/**
 * LSP4IJ delivers notifications on pool threads, possibly out of order: a snapshot older than the one shown (a lower
 * revision from the same engine) is dropped; a snapshot from another engine (a new pid) always wins.
 */
public final class StatusOrder {
  private StatusOrder() {}

  public static boolean replaces(StatusSnapshot shown, StatusSnapshot incoming) {
    if (incoming == null) {
      return false;
    }
    if (shown == null) {
      return true;
    }
    long shownPid = shown.engine() == null ? -1 : shown.engine().pid();
    long incomingPid = incoming.engine() == null ? -1 : incoming.engine().pid();
    return shownPid != incomingPid || incoming.revision() >= shown.revision();
  }
}
