package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;

/**
 * The engine's debug adapter as the commands see it: where an IDE connects for a {@code hostk8s} debug session. The
 * DAP front end provides the real one (it listens on loopback); an engine without a front end that can serve DAP
 * gets {@link #NONE}.
 */
@FunctionalInterface
public interface DebugAdapterHost {
  /** Where to connect (loopback). */
  record Endpoint(String host, int port) {}

  /** Starts the engine's adapter on first use and says where it listens. */
  Endpoint endpoint(EngineServices engine);

  DebugAdapterHost NONE = engine -> {
    throw HostK8sException.user(ErrorCode.DEBUG_ENDPOINT_UNAVAILABLE,
        "This engine has no debug adapter.", "Start one with `hostk8s-dev dev` (or open the workspace in the IDE), then ask again.");
  };
}
