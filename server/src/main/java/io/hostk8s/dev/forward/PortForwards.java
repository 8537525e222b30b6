package io.hostk8s.dev.forward;

import io.hostk8s.dev.protocol.ForwardStatus;
import java.util.List;

/**
 * The engine's port-forwards (one manager per engine, an {@code EngineServices} feature): in-process forwards bound
 * to 127.0.0.1, a stable local port per (service, name), the target pod re-resolved by the service's selector when
 * it changes, health-checked, reconnected with back-off; state published in {@code hostk8s/status}.
 */
public interface PortForwards extends AutoCloseable {
  /** The engine's single manager (created on first use, closed with the engine). */
  static PortForwards of(io.hostk8s.dev.core.EngineServices services) {
    return services.feature(PortForwards.class, PortForwardManager::new);
  }

  /**
   * Opens (or returns the already open) forward 127.0.0.1:localPort → a Ready pod of {@code service}:remotePort.
   * The local port is {@code preferredLocalPort} when given, else a stable port remembered per (service, name).
   * Returns at once; {@link Forward#awaitPod} waits for a pod.
   */
  Forward open(String service, String name, int remotePort, Integer preferredLocalPort);

  /** Every open forward as published in status. */
  List<ForwardStatus> list();

  /** Closes the forward (service, name) if open; returns whether one was open. */
  boolean close(String service, String name);

  @Override
  void close();
}
