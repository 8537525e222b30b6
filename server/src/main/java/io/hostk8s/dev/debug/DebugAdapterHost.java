package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;

/**
 * The engine's debug adapter as the commands see it: where an IDE connects for a {@code hostk8s} debug session. The
 * DAP front end provides the real one (a 0600 Unix socket, and loopback TCP guarded by a token); an engine without a
 * front end that can serve DAP gets {@link #NONE}.
 */
@FunctionalInterface
public interface DebugAdapterHost {
  /** Starts the engine's adapter on first use and says where it listens (and the token TCP clients must show). */
  DebugEndpoint endpoint(EngineServices engine);

  DebugAdapterHost NONE = engine -> {
    throw HostK8sException.user(ErrorCode.DEBUG_ENDPOINT_UNAVAILABLE,
        "This engine has no debug adapter.", "Start one with `hostk8s-dev dev` (or open the workspace in the IDE), then ask again.");
  };
}
