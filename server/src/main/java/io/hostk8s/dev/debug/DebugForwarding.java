package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.forward.PortForwards;

/** The engine's port-forward manager as the debugger uses it (the one place that obtains it). */
public final class DebugForwarding {
  private DebugForwarding() {}

  public static PortForwards forwards(EngineServices engine) {
    return PortForwards.of(engine);
  }
}
