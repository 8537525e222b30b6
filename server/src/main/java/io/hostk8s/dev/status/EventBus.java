package io.hostk8s.dev.status;

import io.hostk8s.dev.protocol.HostK8sEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fan-out of {@link HostK8sEvent}s to the front ends (LSP notification, engine socket, CLI). */
public final class EventBus {
  private static final Logger LOG = Logger.getLogger(EventBus.class.getName());
  private final List<Consumer<HostK8sEvent>> listeners = new CopyOnWriteArrayList<>();

  public void publish(HostK8sEvent event) {
    for (Consumer<HostK8sEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "event listener failed", e);
      }
    }
  }

  public void subscribe(Consumer<HostK8sEvent> listener) {
    listeners.add(listener);
  }
}
