package io.hostk8s.dev.debug;

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

  /** Calls {@code listener} with a description of the new target each time it changes (pod replaced). */
  AutoCloseable onChange(Consumer<String> listener);

  @Override
  void close();
}
