package io.hostk8s.dev.debug;

import java.util.Locale;

/** Where a debug session is in its life; published in {@code hostk8s/status} by its wire name. */
enum SessionPhase {
  NEW, ATTACHING, ATTACHED, REATTACHING, ENDED;

  /** The name in status and events: {@code attaching}, {@code reattaching}… */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
