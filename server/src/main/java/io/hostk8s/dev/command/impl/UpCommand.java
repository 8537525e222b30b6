package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.core.DevOnly;
import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.build.BuildResult;
import io.hostk8s.dev.build.BuildService;
import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.config.RunningSandbox;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.doctor.DevTargets;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.UpArgs;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.sandbox.SandboxPreflight;
import io.hostk8s.dev.sync.SyncManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hostk8s.up}: target → cluster (start it if needed) → build → push → deploy → every service ready → a
 * forward to every http port, as one progress with phases; the result ends with where the app is ({@code url}, the
 * first service's, e.g. vote's). The target is chosen as {@code make dev} chooses it ({@link DevTargets}): the sandbox
 * when asked ({@code sandbox: true}), when this workspace's sandbox is the kubeconfig in effect, or when no real
 * cluster is possible here (no Docker daemon or no kind) — said in the progress and the result. Against the sandbox test bed ({@code sandbox: true}, or when the engine already points at it) images
 * come from the test bed's recipes, so the build phase is skipped and says so. Then file sync starts for every
 * service with sync rules (dev mode; {@code noSync: true} leaves it off) and lives as long as the engine. Before
 * deploying into the sandbox it checks that this machine has every runtime the app's pods need (SANDBOX_PREREQUISITES_MISSING).
 */
public final class UpCommand implements Command {
  private final ClusterService cluster;
  private final SandboxLauncher sandbox;
  private final SandboxPreflight preflight;
  private final BuildService builds = new BuildService();

  public UpCommand(ClusterService cluster, SandboxLauncher sandbox, SandboxPreflight preflight) {
    this.cluster = cluster;
    this.sandbox = sandbox;
    this.preflight = preflight;
  }

  /**
   * What {@code up} did, phase by phase; {@code target}: {@code sandbox} or {@code cluster}, {@code targetReason}: why;
   * {@code sync}: one line per service whose file sync was started (or failed); {@code syncNote}: where sync runs and
   * how long, or why it was not started and which command keeps it; {@code urls}: service → forwarded http URL,
   * {@code url}/{@code urlService}: the first of them (null when none); {@code outcome}: the deploy's summary and
   * where each service is; {@code summary}: one line for a person ("Up on the sandbox: " + outcome);
   * {@code lines}: the details (target, builds, sync, forwards) for an output view.
   */
  public record UpResult(String target, String targetReason, String clusterAction, List<String> builds, DeployResult deploy,
      List<String> sync, String syncNote, Map<String, String> urls, String url, String urlService, String outcome, String summary,
      List<String> lines) {}

  @Override
  public String id() {
    return CommandIds.UP;
  }

  @Override
  public String title() {
    return "Up: start the cluster if needed, build, push, deploy and wait until every service is ready";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Deploy";
  }

  @Override
  public Class<? extends Record> arguments() {
    return UpArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Up on the {target}: {outcome}").withLines("lines").withUrl("url", "Open {urlService}");
  }

  @Override
  public Object run(CommandContext ctx) throws InterruptedException {
    return up(ctx, true);
  }

  /**
   * Up; with {@code forwards}, a forward to every http port at the end (the dev loop opens its own, to stop them
   * with its run). A one-shot CLI's forwards end with it, and the result says which command keeps one open.
   */
  public UpResult up(CommandContext ctx, boolean forwards) throws InterruptedException {
    EngineServices engine = ctx.engine();
    Workspace ws = engine.workspace();
    DevOnly.refuseOnCloud(ws, "up (build, dev deploy, file sync)", "it would put dev images, the dev transform and "
        + "file sync on the production app");
    Progress p = ctx.progress();
    p.begin("HostK8s: up");
    UpArgs a = ctx.args().as(UpArgs.class);
    DevTarget target = chooseTarget(ws, a.sandbox());
    boolean useSandbox = target.sandbox();
    p.report(targetText(target, ws), 1);
    if (useSandbox) { // seconds now, not a crash loop and a timeout minutes later
      SandboxPreflight.Report ok = preflight.require(ws, p);
      p.report("preflight: the sandbox can run every service (" + ok.ms() + " ms)", 2);
    }
    String clusterAction = ensureCluster(engine, useSandbox, p);
    p.checkCancelled();
    Map<String, String> images = new LinkedHashMap<>();
    List<String> built;
    if (useSandbox) {
      p.report("build: skipped — the sandbox runs each image from its recipe (voting-app/run-local.sh), not from a registry", 25);
      built = List.of();
    } else {
      p.report("build: " + ws.config().config().services().keySet(), 25);
      // with the Docker and registry of the front end that asked (BuildCommand does the same)
      List<BuildResult> results = builds.buildAll(ws.forCaller(ctx.args().callerEnv()), BuildOptions.kind(BuildMode.DEV), p, line -> { });
      results.forEach(r -> images.put(r.service(), r.image().inCluster()));
      built = results.stream().map(r -> r.service() + " → " + r.image().inCluster() + (r.cached() ? " (unchanged)" : "")).toList();
    }
    p.checkCancelled();
    DeployOptions options = DeployOptions.local().withSuspendFlux(Boolean.TRUE.equals(a.suspendFlux()));
    DeployResult deploy = DeployService.deploy(engine, images, options, Progress.phase(p, 30, 94));
    List<String> syncing = syncedServices(engine);
    boolean lasting = !"observed".equals(engine.status().get().engine().mode());
    List<String> sync = Boolean.TRUE.equals(a.noSync()) || !lasting ? List.of() : startSync(engine, syncing, p);
    List<String> notes = new ArrayList<>();
    Map<String, String> urls = Map.of();
    if (forwards) {
      p.report("forwards: every service's http port", 97);
      urls = HttpForwards.urls(HttpForwards.open(engine, notes));
      if (!urls.isEmpty() && !lasting) {
        notes.add("forward  ends when up returns (no engine runs for this workspace); ./hostk8s-dev forward "
            + urls.keySet().iterator().next() + " keeps it open on the same port, ./hostk8s-dev dev keeps all of them");
      }
    }
    String urlService = urls.isEmpty() ? null : urls.keySet().iterator().next();
    String outcome = deploy.summary()
        + (urls.isEmpty() ? "" : " — " + String.join(" · ", urls.entrySet().stream().map(e -> e.getKey() + " at " + e.getValue()).toList()));
    String summary = "Up on the " + target.name() + ": " + outcome;
    p.end(summary);
    List<String> lines = new ArrayList<>();
    lines.add("target   " + target.name() + " — " + target.reason() + (target.fix() == null ? "" : " (for a real cluster: " + target.fix() + ")"));
    built.forEach(b -> lines.add("built    " + b));
    sync.forEach(x -> lines.add("sync     " + x));
    urls.forEach((svc, url) -> lines.add("open     " + svc + " at " + url));
    lines.addAll(notes);
    return new UpResult(target.name(), target.reason(), clusterAction, built, deploy, sync,
        syncNote(engine, syncing, Boolean.TRUE.equals(a.noSync()), lasting), urls, urlService == null ? null : urls.get(urlService),
        urlService, outcome, summary, lines);
  }

  /**
   * {@code make dev}'s decision ({@link DevTargets#choose}): the sandbox when asked for or when the engine already
   * points at this workspace's sandbox; else a real cluster when Docker and kind are there; else the sandbox.
   */
  public static DevTarget chooseTarget(Workspace ws, Boolean sandbox) {
    if (Boolean.TRUE.equals(sandbox)) {
      return new DevTarget(DevTarget.SANDBOX, "asked for (--sandbox)", null);
    }
    if (isSandbox(ws)) {
      return new DevTarget(DevTarget.SANDBOX, "this workspace's sandbox is the kubeconfig in effect (" + ws.kubeconfig() + ")", null);
    }
    return DevTargets.choose(ws, null);
  }

  /** One line (two with a fix) saying which target and why, for the progress, {@code dev.target} and the CLI. */
  public static String targetText(DevTarget target, Workspace ws) {
    if (!target.sandbox()) {
      return "target: the cluster at " + ws.kubeconfig() + " (" + target.reason() + ")";
    }
    if (target.fix() == null) {
      return "target: the sandbox — " + target.reason();
    }
    return "target: the sandbox test bed (pods are local processes) — " + target.reason() + " (for a real cluster: " + target.fix() + ")";
  }

  private static List<String> syncedServices(EngineServices engine) {
    return engine.workspace().config().config().services().entrySet().stream().filter(e -> !e.getValue().sync().isEmpty())
        .map(Map.Entry::getKey).toList();
  }

  /**
   * Sync outlives {@code up} only in a long-lived engine (the IDE's, {@code dev}'s, or a CLI command's that owns the
   * workspace's engine). A one-shot CLI {@code up} with no engine running does not start it — it would end with
   * {@code up} — and says which command keeps it.
   */
  private static String syncNote(EngineServices engine, List<String> syncing, boolean noSync, boolean lasting) {
    if (syncing.isEmpty()) {
      return null;
    }
    if (noSync) {
      return "sync not started (--no-sync)";
    }
    if (!lasting) {
      return "not running: no engine runs for this workspace, and a sync started by up would end when up returns. Keep the files "
          + "in sync with ./hostk8s-dev dev (sync, forwards, logs), or ./hostk8s-dev sync " + syncing.get(0) + " (one service, until Ctrl-C)";
    }
    return "keeps running in the workspace's engine (pid " + engine.status().get().engine().pid() + ", "
        + engine.status().get().engine().frontEnd() + ") after up returns; ./hostk8s-dev sync stop SERVICE stops it";
  }

  /** Dev mode: file sync for every service with sync rules (a failure is reported, it does not fail {@code up}). */
  private static List<String> startSync(EngineServices engine, List<String> services, Progress p) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (String service : services) {
      p.checkCancelled();
      p.report("sync: " + service, 95);
      try {
        io.hostk8s.dev.protocol.SyncStatus s = SyncManager.of(engine).start(service).status();
        out.add(service + ": " + s.state() + (s.pod() == null ? "" : " (" + s.pod() + ")") + (s.error() == null ? "" : " — " + s.error()));
      } catch (RuntimeException ex) {
        out.add(service + ": not started — " + ex.getMessage());
      }
    }
    return out;
  }

  /**
   * Starts the target unless it runs: "started" or "already running". The sandbox is this workspace's (its pid file
   * and kubeconfig), whatever else KUBECONFIG or --kubeconfig name; the engine is pointed at it either way.
   */
  private String ensureCluster(EngineServices engine, boolean useSandbox, Progress p) {
    Workspace ws = engine.workspace();
    if (useSandbox) {
      Optional<Path> running = RunningSandbox.kubeconfig(ws.root());
      if (running.isPresent()) {
        ws.useKubeconfig(running.get());
        p.report("cluster: the sandbox is already running (" + running.get() + ")", 10);
        return "already running";
      }
      p.report("cluster: starting the sandbox test bed", 5);
      SandboxLauncher.UpResult up = sandbox.up(ws, p);
      ws.useKubeconfig(Path.of(up.kubeconfig()));
      return "started";
    }
    String state = ClusterProbe.probe(ws.config().config(), ws.kubeconfig()).cluster().state();
    if ("running".equals(state)) {
      p.report("cluster: running (" + ws.kubeconfig() + ")", 10);
      return "already running";
    }
    p.report("cluster: " + state + " — starting it", 5);
    cluster.start(engine, p);
    return "started";
  }

  /** The engine points at this workspace's sandbox test bed (its kubeconfig is under the sandbox's state dir). */
  static boolean isSandbox(Workspace ws) {
    Path kc = ws.kubeconfig();
    return kc != null && kc.toAbsolutePath().startsWith(SandboxLauncher.stateDir(ws).toAbsolutePath());
  }
}
