package io.hostk8s.dev.debug;

import io.hostk8s.dev.engine.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PortForwards;

/** The engine's port-forward manager as the debugger uses it (the one place that obtains it). */
public final class DebugForwarding {
  private DebugForwarding() {}

  public static PortForwards forwards(EngineServices engine) {
    throw HostK8sException.user(ErrorCode.DEBUG_RUNTIME_UNAVAILABLE, "Port-forwards are not available in this build yet.",
        "Attach with \"target\": {\"host\": \"127.0.0.1\", \"port\": <debugger port>} meanwhile.");
  }
}
