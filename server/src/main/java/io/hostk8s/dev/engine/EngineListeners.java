package io.hostk8s.dev.engine;

import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.protocol.StatusSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The status, event and log listeners of an engine that relays another's (attached, or handed over). */
public final class EngineListeners {
  private final List<Consumer<StatusSnapshot>> status = new CopyOnWriteArrayList<>();
  private final List<Consumer<HostK8sEvent>> events = new CopyOnWriteArrayList<>();
  private final List<Consumer<LogBatch>> logs = new CopyOnWriteArrayList<>();

  public void onStatus(Consumer<StatusSnapshot> listener) {
    status.add(listener);
  }

  public void onEvent(Consumer<HostK8sEvent> listener) {
    events.add(listener);
  }

  public void onLog(Consumer<LogBatch> listener) {
    logs.add(listener);
  }

  public void status(StatusSnapshot s) {
    status.forEach(l -> l.accept(s));
  }

  public void event(HostK8sEvent e) {
    events.forEach(l -> l.accept(e));
  }

  public void log(LogBatch b) {
    logs.forEach(l -> l.accept(b));
  }
}
