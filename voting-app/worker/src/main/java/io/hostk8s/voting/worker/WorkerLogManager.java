package io.hostk8s.voting.worker;

import java.util.logging.LogManager;

/**
 * A LogManager whose {@link #reset()} can be held back. The JDK's own shutdown hook resets logging while our
 * shutdown hook may still be logging the last vote; with this manager installed (system property
 * {@code java.util.logging.manager}) the reset waits until {@link #resetNow()}.
 */
public final class WorkerLogManager extends LogManager {
  private volatile boolean holdReset;

  void holdReset() {
    holdReset = true;
  }

  @Override
  public void reset() {
    if (!holdReset) {
      super.reset();
    }
  }

  /** Flushes and closes the handlers for good. */
  void resetNow() {
    super.reset();
  }
}
