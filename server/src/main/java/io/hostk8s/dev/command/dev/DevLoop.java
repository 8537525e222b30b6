package io.hostk8s.dev.command.dev;

import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.HttpForwards;
import io.hostk8s.dev.command.impl.SandboxDownCommand;
import io.hostk8s.dev.command.impl.UpCommand;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.doctor.DevTargets;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.args.DevArgs;
import io.hostk8s.dev.protocol.commands.args.UpArgs;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import io.hostk8s.dev.protocol.commands.results.DevResult;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.sync.SyncManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dev loop, the same for every front end: choose the target, {@code up} (cluster → build → deploy → ready →
 * file sync), a forward to every service's {@code http} port, the debug adapter's address and every service's pod
 * log as {@code hostk8s/log}. The work keeps running in the engine after {@link #start} returns; the run records
 * what it started, and {@link DevStop} stops exactly that. People learn what happens from the progress and from
 * {@code dev.*} events; the result is a {@link DevResult}.
 */
final class DevLoop {
  private static final Duration LOG_POD_WAIT = Duration.ofSeconds(5);
  private final UpCommand up;
  private final DebugAdapterHost adapter;

  DevLoop(UpCommand up, DebugAdapterHost adapter) {
    this.up = up;
    this.adapter = adapter;
  }

  DevResult start(CommandContext ctx) throws Exception {
    EngineServices engine = ctx.engine();
    Workspace ws = engine.workspace();
    Progress p = ctx.progress();
    DevArgs a = ctx.args().as(DevArgs.class);
    DevRun run = DevRuns.of(engine).begin(a.run());
    p.begin("HostK8s: dev");
    boolean sandbox = Boolean.TRUE.equals(a.sandbox()) || sandboxChosen(engine);
    run.sandbox(sandbox, sandbox && SandboxLauncher.isRunning(ws));
    active(run, p);
    Set<String> syncBefore = Set.copyOf(syncing(engine));
    UpCommand.UpResult upped = up.up(new CommandContext(engine,
        CommandArgs.of(new UpArgs(sandbox, null, null)), Progress.phase(p, 0, 85)), false);
    active(run, p);
    ClusterProbe.refresh(engine);
    List<String> syncNow = syncing(engine);
    for (String s : services(engine)) { // config order
      if (syncNow.contains(s) && !syncBefore.contains(s) && !run.add(new DevRun.Work(DevRun.Kind.SYNC, s, null))) {
        DevStop.undo(engine, new DevRun.Work(DevRun.Kind.SYNC, s, null));
      }
    }
    List<String> notes = new ArrayList<>();
    p.report("forwards: every service's http port", 88);
    List<ForwardStatus> forwards = forwardHttp(engine, run, notes);
    active(run, p);
    String debug = debugEndpoint(engine, notes);
    List<String> logs = Boolean.TRUE.equals(a.noLogs()) ? List.of() : followLogs(engine, run, notes, p);
    active(run, p);
    Map<String, String> urls = HttpForwards.urls(forwards);
    String summary = urls.isEmpty() ? "Ready: no service has an http port to open"
        : "Ready: " + String.join(" · ", urls.entrySet().stream().map(e -> e.getKey() + " at " + e.getValue()).toList());
    engine.events().publish(HostK8sEvent.of("dev.ready", null, summary));
    p.end(summary);
    return new DevResult(run.id(), upped.target(), upped.clusterAction(), upped.sync(), forwards, urls,
        urls.values().stream().findFirst().orElse(null), debug, logs, run.startedWords(), notes, summary);
  }

  /**
   * {@link DevTarget}'s decision, the one doctor evaluates: this workspace's running sandbox, else a real cluster
   * with Docker and kind, else the sandbox. Says which as a {@code dev.target} event.
   */
  private static boolean sandboxChosen(EngineServices engine) {
    Workspace ws = engine.workspace();
    DevTarget target = DevTargets.choose(ws, null);
    String text;
    if (!target.sandbox()) {
      text = "Using the cluster at " + ws.kubeconfig() + ".";
    } else if (target.fix() == null) {
      text = "Target: the sandbox — " + target.reason() + ".";
    } else {
      text = Character.toUpperCase(target.reason().charAt(0)) + target.reason().substring(1) + ".\n  (fix: " + target.fix()
          + ")\nRunning the same loop against the sandbox test bed instead (pods are local processes).";
    }
    engine.events().publish(HostK8sEvent.of("dev.target", null, text));
    return target.sandbox();
  }

  /** A forward for each configured service whose pods declare an {@code http} port; the run records those it opened. */
  private static List<ForwardStatus> forwardHttp(EngineServices engine, DevRun run, List<String> notes) {
    List<String> openBefore = PortForwards.of(engine).list().stream().map(f -> f.service() + "/" + f.name()).toList();
    List<ForwardStatus> opened = HttpForwards.open(engine, notes);
    for (ForwardStatus f : opened) {
      DevRun.Work w = new DevRun.Work(DevRun.Kind.FORWARD, f.service(), f.name());
      if (!openBefore.contains(f.service() + "/" + f.name()) && !run.add(w)) {
        DevStop.undo(engine, w);
      }
    }
    return opened;
  }

  /**
   * Where IDEs attach the {@code hostk8s} debug type: the adapter's Unix socket path (or {@code host:port} when it has
   * no socket: that door needs the token from {@code hostk8s.debug.endpoint}); null (and a note) without an adapter.
   */
  private String debugEndpoint(EngineServices engine, List<String> notes) {
    if ("observed".equals(engine.status().get().engine().mode())) {
      notes.add("debug    adapter not available — no engine runs for this workspace, so there is no debug adapter to connect to");
      return null;
    }
    try {
      DebugEndpoint e = adapter.endpoint(engine);
      return e.path() != null ? e.path() : e.host() + ":" + e.port();
    } catch (RuntimeException e) {
      notes.add("debug    adapter not available — " + e.getMessage());
      return null;
    }
  }

  /** Streams every configured service's pod log (new lines only) as {@code hostk8s/log}. */
  private static List<String> followLogs(EngineServices engine, DevRun run, List<String> notes, Progress p) {
    p.report("logs: every service's pod log", 95);
    List<String> following = new ArrayList<>();
    for (String service : services(engine)) {
      try {
        LogStreams.Following f = LogStreams.of(engine).follow(service, 0, LOG_POD_WAIT);
        following.add(service);
        DevRun.Work w = new DevRun.Work(DevRun.Kind.LOGS, service, null);
        if (!f.alreadyFollowing() && !run.add(w)) {
          DevStop.undo(engine, w);
        }
      } catch (RuntimeException e) {
        notes.add("logs     " + service + ": not followed — " + e.getMessage());
      }
    }
    return following;
  }

  private static List<String> services(EngineServices engine) {
    return List.copyOf(engine.workspace().config().config().services().keySet());
  }

  private static List<String> syncing(EngineServices engine) {
    SyncManager sync = engine.featureIfPresent(SyncManager.class);
    return sync == null ? List.of() : sync.running();
  }

  /** Gives up when the run was stopped ({@code hostk8s.dev.stop}) or the caller cancelled. */
  private static void active(DevRun run, Progress p) {
    p.checkCancelled();
    if (run.stopped()) {
      throw HostK8sException.user(ErrorCode.CANCELLED, "The dev run '" + run.id() + "' was stopped while it started.", null);
    }
  }
}
