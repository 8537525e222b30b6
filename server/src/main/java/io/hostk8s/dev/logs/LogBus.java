package io.hostk8s.dev.logs;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.LogBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fan-out of {@link LogBatch}es to the engine's front ends (LSP {@code hostk8s/log}, engine socket, CLI). */
public final class LogBus implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LogBus.class.getName());
  private final List<Consumer<LogBatch>> listeners = new CopyOnWriteArrayList<>();

  /** The engine's bus (created on first use). */
  public static LogBus of(EngineServices services) {
    return services.feature(LogBus.class, s -> new LogBus());
  }

  public void publish(LogBatch batch) {
    for (Consumer<LogBatch> l : listeners) {
      try {
        l.accept(batch);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "log listener failed", e);
      }
    }
  }

  public void subscribe(Consumer<LogBatch> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    listeners.clear();
  }
}
