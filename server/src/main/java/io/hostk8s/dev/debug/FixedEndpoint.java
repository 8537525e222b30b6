package io.hostk8s.dev.debug;

import java.time.Duration;
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
  public AutoCloseable onChange(Consumer<String> listener) {
    return () -> { };
  }

  @Override
  public void close() {
    // nothing was opened
  }
}
