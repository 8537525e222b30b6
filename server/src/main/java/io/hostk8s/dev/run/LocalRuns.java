package io.hostk8s.dev.run;

import io.hostk8s.dev.config.LocalRunConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.WorkspacePaths;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.Forward;
import io.hostk8s.dev.forward.ForwardDefaults;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.forward.LocalPorts;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogBus;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Services run on the host by {@code hostk8s.run.local} (one per service): dependencies forwarded first, the
 * process started under its debugger with the environment pointing at the forwards, its output sent as
 * {@code hostk8s/log} lines ({@code pod: "local"}). An {@code EngineServices} feature: every process tree is killed
 * when the engine closes. No agent runs in the cluster.
 */
public final class LocalRuns implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LocalRuns.class.getName());
  /** The interpreter for {@code {python}} when the config names none. */
  public static final String PYTHON_ENV = "HOSTK8S_PYTHON";
  static final Duration DEPENDENCY_WAIT = Duration.ofSeconds(30);
  static final Duration LISTEN_WAIT = Duration.ofSeconds(60);
  /** The "pod" of log lines that come from a local run. */
  public static final String LOCAL_POD = "local";

  private record Running(LocalRun run, List<String> openedForwards, Map<String, Object> result) {}

  private final EngineServices services;
  private final LocalPorts ports = new LocalPorts();
  private final Map<String, Running> runs = new LinkedHashMap<>();

  public LocalRuns(EngineServices services) {
    this.services = services;
  }

  public static LocalRuns of(EngineServices services) {
    return services.feature(LocalRuns.class, LocalRuns::new);
  }

  /**
   * Starts {@code service} on the host (or returns the running one): {@code {service, pid, url, debug: {host, port},
   * attach, forwards: [ForwardStatus], command, alreadyRunning}}; {@code attach} is the complete {@code hostk8s} debug
   * configuration for the process (target + local paths on both sides), for clients to start as-is.
   */
  public Map<String, Object> start(String service, Progress progress) throws InterruptedException {
    return start(service, null, progress);
  }

  /**
   * As {@link #start(String, Progress)}; {@code callerPython} is the {@code HOSTK8S_PYTHON} of the front end that
   * asks (a CLI attached to another process's engine): it wins over the engine's own environment, not over
   * {@code local.python} in hostk8s.dev.yaml.
   */
  public Map<String, Object> start(String service, String callerPython, Progress progress) throws InterruptedException {
    synchronized (runs) {
      Running r = runs.get(service);
      if (r != null && r.run().alive()) {
        Map<String, Object> again = new LinkedHashMap<>(r.result());
        again.put("alreadyRunning", true);
        return again;
      }
    }
    ServiceConfig sc = services.workspace().config().config().services().get(service);
    if (sc == null) {
      throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "'.", "Use one of: "
          + String.join(", ", services.workspace().config().config().services().keySet()) + ".");
    }
    LocalRunConfig lc = sc.local();
    if (lc == null || lc.command().isEmpty()) {
      throw HostK8sException.user(ErrorCode.RUN_LOCAL_NOT_CONFIGURED, "Service '" + service + "' has no local run configuration.",
          "Add services." + service + ".local: {command: [...], env: {...}, dependencies: [...]} to hostk8s.dev.yaml.");
    }
    Path dir = directory(service, sc, lc);
    Set<String> before = PortForwards.of(services).list().stream().map(f -> f.service() + "/" + f.name()).collect(Collectors.toSet());
    List<String> opened = new ArrayList<>();
    Map<String, Integer> depPorts = new LinkedHashMap<>();
    List<ForwardStatus> forwards = new ArrayList<>();
    LocalRun run = null;
    try {
      for (String dep : lc.dependencies()) {
        progress.report("forwarding " + dep);
        Forward f = ForwardDefaults.open(services, dep, null, null, null);
        if (!before.contains(dep + "/" + f.name())) {
          opened.add(dep + "/" + f.name());
        }
        f.awaitPod(DEPENDENCY_WAIT);
        depPorts.put(dep, f.localPort());
      }
      PortForwards.of(services).list().stream().filter(f -> depPorts.containsKey(f.service()) && depPorts.get(f.service()) == f.localPort())
          .forEach(forwards::add);
      int port = lc.port() != null ? lc.port() : ports.freePort(service + "/local-http");
      int debugPort = lc.debugPort() != null ? lc.debugPort() : ports.freePort(service + "/local-debug");
      ForwardTarget target = ForwardTarget.resolve(services.kube(), services.workspace().config().config(), service);
      LocalRunPlan plan = LocalRunPlan.of(service, lc, dir, python(lc, callerPython), target.namespace(), deploymentEnv(target),
          depPorts, port, debugPort);
      progress.report("starting " + service + " on the host (" + plan.url() + ", debugger 127.0.0.1:" + debugPort + ")");
      LogBus bus = LogBus.of(services);
      run = new LocalRun(plan, lines -> bus.publish(new LogBatch(service, LOCAL_POD, lines)));
      run.start();
      run.awaitListening(LISTEN_WAIT, progress);
    } catch (RuntimeException | InterruptedException e) {
      if (run != null) {
        run.stop();
      }
      opened.forEach(k -> PortForwards.of(services).close(k.substring(0, k.indexOf('/')), k.substring(k.indexOf('/') + 1)));
      throw e;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("service", service);
    result.put("pid", run.pid());
    result.put("url", run.plan().url());
    result.put("debug", Map.of("host", "127.0.0.1", "port", run.plan().debugPort()));
    result.put("attach", attachConfiguration(service, run.plan()));
    result.put("forwards", forwards);
    result.put("command", run.plan().command());
    result.put("alreadyRunning", false);
    Running running = new Running(run, opened, result);
    synchronized (runs) {
      runs.put(service, running);
    }
    LocalRun started = run;
    run.onExit().thenRun(() -> exited(service, running, started));
    services.events().publish(HostK8sEvent.of("run.local.started", service, service + " runs on the host: " + run.plan().url()
        + " (debugger 127.0.0.1:" + run.plan().debugPort() + ", pid " + run.pid() + ")"));
    return result;
  }

  private void exited(String service, Running running, LocalRun run) {
    boolean ours;
    synchronized (runs) {
      ours = runs.get(service) == running;
      if (ours) {
        runs.remove(service);
      }
    }
    if (ours) {
      run.stop(); // the debug adapter and any child left behind
      closeForwards(running);
      services.events().publish(HostK8sEvent.of("run.local.exited", service, service + " on the host exited"));
    }
  }

  private Path directory(String service, ServiceConfig sc, LocalRunConfig lc) {
    Path root = services.workspace().root();
    Path dir = WorkspacePaths.inside(root, sc.context()).flatMap(ctx -> WorkspacePaths.inside(ctx, lc.cwd())).orElse(null);
    if (dir == null || !Files.isDirectory(dir)) {
      throw HostK8sException.user(ErrorCode.CONFIG_PATH_ESCAPES, "The local working directory of '" + service + "' ("
          + sc.context() + "/" + lc.cwd() + ") is not a directory inside the workspace.",
          "Fix services." + service + ".context / local.cwd in hostk8s.dev.yaml.");
    }
    return dir;
  }

  private String python(LocalRunConfig lc, String callerPython) {
    if (lc.python() != null) {
      return lc.python();
    }
    if (callerPython != null && !callerPython.isBlank()) {
      return callerPython;
    }
    String fromEngine = services.workspace().env().get(PYTHON_ENV);
    if (fromEngine != null && !fromEngine.isBlank()) {
      return fromEngine;
    }
    String fromProcess = System.getenv(PYTHON_ENV);
    return fromProcess != null && !fromProcess.isBlank() ? fromProcess : "python3";
  }

  private Map<String, String> deploymentEnv(ForwardTarget target) {
    try {
      return target.templateEnv(services.kube());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no Deployment env for " + target.service(), e);
      return Map.of();
    }
  }

  /** The {@code hostk8s} attach configuration for the local process: its debugger, sources mapped to themselves. */
  private static Map<String, Object> attachConfiguration(String service, LocalRunPlan plan) {
    Map<String, Object> attach = new LinkedHashMap<>();
    attach.put("type", "hostk8s");
    attach.put("request", "attach");
    attach.put("name", "Debug " + service + " (local)");
    attach.put("service", service);
    attach.put("target", Map.of("host", "127.0.0.1", "port", plan.debugPort()));
    attach.put("localRoot", plan.directory().toString());
    attach.put("remoteRoot", plan.directory().toString());
    return attach;
  }

  /** Stops {@code service}'s local run (process tree + debug adapter) and the forwards it opened; whether one ran. */
  public boolean stop(String service) {
    Running r;
    synchronized (runs) {
      r = runs.remove(service);
    }
    if (r == null) {
      return false;
    }
    r.run().stop();
    closeForwards(r);
    services.events().publish(HostK8sEvent.of("run.local.stopped", service, service + " on the host stopped"));
    return true;
  }

  private void closeForwards(Running r) {
    PortForwards forwards = services.featureIfPresent(PortForwards.class);
    if (forwards != null) {
      r.openedForwards().forEach(k -> forwards.close(k.substring(0, k.indexOf('/')), k.substring(k.indexOf('/') + 1)));
    }
  }

  /** The services running on the host now. */
  public List<String> running() {
    synchronized (runs) {
      return List.copyOf(runs.keySet());
    }
  }

  @Override
  public void close() {
    List<Running> all;
    synchronized (runs) {
      all = new ArrayList<>(runs.values());
      runs.clear();
    }
    all.forEach(r -> r.run().stop());
  }
}
