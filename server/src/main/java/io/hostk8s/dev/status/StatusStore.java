package io.hostk8s.dev.status;

import io.hostk8s.dev.protocol.StatusSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the current {@link StatusSnapshot}. Updates are serialised; listeners hear every change
 * (and only changes), each with a higher revision. Readers get an immutable snapshot.
 */
public final class StatusStore {
  private static final Logger LOG = Logger.getLogger(StatusStore.class.getName());
  private final List<Consumer<StatusSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private volatile StatusSnapshot current;

  public StatusStore(StatusSnapshot initial) {
    this.current = initial.withRevision(1);
  }

  public StatusSnapshot get() {
    return current;
  }

  /** Applies {@code change}; notifies listeners when the state really changed. Returns the new snapshot. */
  public StatusSnapshot update(UnaryOperator<StatusSnapshot> change) {
    StatusSnapshot next;
    synchronized (this) {
      StatusSnapshot before = current;
      StatusSnapshot candidate = change.apply(before).withRevision(before.revision());
      if (candidate.equals(before)) {
        return before;
      }
      next = candidate.withRevision(before.revision() + 1);
      current = next;
    }
    for (Consumer<StatusSnapshot> l : listeners) {
      try {
        l.accept(next);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "status listener failed", e);
      }
    }
    return next;
  }

  public void onChange(Consumer<StatusSnapshot> listener) {
    listeners.add(listener);
  }
}
