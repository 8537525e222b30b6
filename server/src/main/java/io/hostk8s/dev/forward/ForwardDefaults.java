package io.hostk8s.dev.forward;

import io.hostk8s.dev.config.DebugConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.EngineServices;

/**
 * Opens a forward with the defaults of {@code hostk8s.forward.start}: port = the service's first container port,
 * name = that port's name in the pod template (else the number), local port = the debug config's {@code localPort}
 * when the port is the service's debug port (else the manager's stable port).
 */
public final class ForwardDefaults {
  private ForwardDefaults() {}

  public static Forward open(EngineServices engine, String service, Integer port, Integer localPort, String name) {
    ForwardTarget target = ForwardTarget.resolve(engine.kube(), engine.workspace().config().config(), service);
    int remote = port != null ? port : target.defaultRemotePort(engine.kube());
    String forwardName = name != null ? name : target.portName(engine.kube(), remote);
    ServiceConfig sc = engine.workspace().config().config().services().get(service);
    DebugConfig debug = sc == null ? null : sc.debug();
    Integer local = localPort;
    if (local == null && debug != null && debug.port() == remote) {
      local = debug.localPort();
    }
    return PortForwards.of(engine).open(service, forwardName == null ? String.valueOf(remote) : forwardName, remote, local);
  }
}
