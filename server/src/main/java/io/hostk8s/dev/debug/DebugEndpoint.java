package io.hostk8s.dev.debug;

import io.hostk8s.dev.forward.PodRef;
import java.time.Duration;
import java.util.function.Consumer;

/** Where a debuggee's adapter is reachable from here: a fixed address, or a port-forward that follows the pod. */
public interface DebugEndpoint extends AutoCloseable {
  /** A host:port on this machine. */
  record Address(String host, int port) {}

  /** Waits (up to {@code timeout}) until something can serve connections; fails with a HostK8sException. */
  Address await(Duration timeout);

  /** For messages: "pod vote-7d9…" or "127.0.0.1:5678". */
  String describe();

  /**
   * What connections reach now: through a forward, the pod (name and uid: its identity); a fixed address is its
   * own identity. Null while nothing is reachable.
   */
  PodRef reaches();

  /** Calls {@code listener} with what the endpoint reaches each time that changes (pod replaced). */
  AutoCloseable onChange(Consumer<PodRef> listener);

  @Override
  void close();
}
