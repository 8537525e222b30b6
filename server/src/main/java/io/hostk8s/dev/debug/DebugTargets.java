package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.DevOnly;
import io.hostk8s.dev.config.DebugConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.SyncRule;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PortForwards;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns an attach configuration into what to attach to: the service's debug settings from hostk8s.dev.yaml
 * (runtime, port, remoteRoot; localRoot = the service's context dir), overridden by the configuration, and the
 * endpoint — {@code target} as given, else the engine's port-forward to the service's debug port.
 */
public final class DebugTargets {
  /** The forward name the debugger uses on every service (status shows it). */
  public static final String FORWARD_NAME = "debug";

  /** A resolved attach: target, the runtime serving it, where it is reachable, and its source check (may be null). */
  public record Resolved(DebugTarget target, DebugRuntime runtime, DebugEndpoint endpoint, SourceChecks sourceChecks) {}

  /** Makes the session's source check, which reports to {@code output} (the debug console). */
  @FunctionalInterface
  public interface SourceChecks {
    BreakpointSourceCheck start(Consumer<String> output);
  }

  private final EngineServices engine;
  private final DebugRuntimes runtimes;
  private final Function<EngineServices, PortForwards> forwards;

  public DebugTargets(EngineServices engine, DebugRuntimes runtimes, Function<EngineServices, PortForwards> forwards) {
    this.engine = engine;
    this.runtimes = runtimes;
    this.forwards = forwards;
  }

  public Resolved resolve(AttachConfig c) {
    ServiceConfig service = c.service() == null ? null : service(c.service());
    if (!c.local() && c.targetPort() == null && !CloudDebugModes.on(engine, service)) {
      DevOnly.refuseOnCloud(engine.workspace(), "in-cluster debugging" + (c.service() == null ? "" : " of " + c.service()),
          "the published pods run production images without debugpy or JDWP, and " + (c.service() == null
              ? "no service" : c.service()) + " is not in debug mode there", List.of(DevOnly.DEBUG_START_HINT));
    }
    DebugConfig debug = service == null ? null : service.debug();
    if (c.local() && service == null) {
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "A local launch needs \"service\".",
          "Use {\"type\": \"hostk8s\", \"request\": \"launch\", \"service\": \"vote\", \"local\": true}.");
    }
    if (service != null && debug == null && c.targetPort() == null) {
      throw HostK8sException.user(ErrorCode.DEBUG_NOT_CONFIGURED, "Service '" + c.service() + "' has no debugger configured.",
          "Add services." + c.service() + ".debug {runtime, port} to hostk8s.dev.yaml, or attach with \"target\": {\"host\", \"port\"}.");
    }
    String runtimeName = c.runtime() != null ? c.runtime() : debug != null ? debug.runtime() : "python";
    DebugRuntime runtime = runtimes.get(runtimeName);
    String localRoot = c.localRoot() != null ? absolute(c.localRoot())
        : service != null ? runtime.defaultLocalRoot(engine.workspace().root().resolve(service.context()).normalize()).toString() : null;
    String remoteRoot = c.remoteRoot() != null ? c.remoteRoot() : c.local() ? localRoot : remoteRoot(service, debug);
    if (remoteRoot != null && !remoteRoot.startsWith("/")) {
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "remoteRoot must be an absolute container path, got '" + remoteRoot + "'.",
          "Use e.g. \"remoteRoot\": \"/usr/local/app\".");
    }
    String name = c.service() != null ? c.service() : "target";
    DebugTarget target = new DebugTarget(name, runtimeName, localRoot, remoteRoot, c.justMyCode(), c.extra());
    DebugEndpoint endpoint = c.targetPort() != null ? new FixedEndpoint(c.targetHost(), c.targetPort())
        : c.local() ? LocalRunEndpoint.start(engine, c.service())
        : new ForwardedEndpoint(forwards.apply(engine).open(c.service(), FORWARD_NAME, debug.port(), debug.localPort()));
    SourceChecks checks = service == null || localRoot == null || remoteRoot == null || c.local() ? null
        : output -> new BreakpointSourceCheck(engine, name, Path.of(localRoot), remoteRoot, output);
    return new Resolved(target, runtime, endpoint, checks);
  }

  private ServiceConfig service(String name) {
    Map<String, ServiceConfig> services = engine.workspace().config().config().services();
    ServiceConfig s = services.get(name);
    if (s == null) {
      throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + name + "'.",
          "Use one of " + services.keySet() + " (services in hostk8s.dev.yaml).");
    }
    return s;
  }

  private static String remoteRoot(ServiceConfig service, DebugConfig debug) {
    if (debug != null && debug.remoteRoot() != null) {
      return debug.remoteRoot();
    }
    return service == null ? null : service.sync().stream().map(SyncRule::to).findFirst().orElse(null);
  }

  private String absolute(String path) {
    return engine.workspace().root().resolve(Path.of(path)).normalize().toString();
  }
}
