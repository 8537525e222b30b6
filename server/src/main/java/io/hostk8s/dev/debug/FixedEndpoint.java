package io.hostk8s.dev.debug;

import java.time.Duration;
import io.hostk8s.dev.forward.PodRef;
import java.util.function.Consumer;

/** The attach configuration's {@code target: {host, port}}: no cluster, no forward; never changes. */
public record FixedEndpoint(String host, int port) implements DebugEndpoint {
  @Override
  public Address await(Duration timeout) {
    return new Address(host, port);
  }

  @Override
  public String describe() {
    return host + ":" + port;
  }

  @Override
  public PodRef reaches() {
    return new PodRef(describe(), describe());
  }

  @Override
  public AutoCloseable onChange(Consumer<PodRef> listener) {
    return () -> { };
  }

  @Override
  public void close() {
    // nothing was opened
  }
}
