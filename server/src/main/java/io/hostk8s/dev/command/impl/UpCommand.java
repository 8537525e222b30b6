package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.build.BuildResult;
import io.hostk8s.dev.build.BuildService;
import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.engine.EngineServices;
import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.status.ClusterProbe;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hostk8s.up}: cluster (start it if needed) → build → push → deploy → every service ready, as one progress
 * with phases. Against the sandbox test bed ({@code sandbox: true}, or when the engine already points at it) images
 * come from the test bed's recipes, so the build phase is skipped and says so.
 */
public final class UpCommand implements Command {
  private final ClusterService cluster;
  private final SandboxLauncher sandbox;
  private final BuildService builds = new BuildService();

  public UpCommand(ClusterService cluster, SandboxLauncher sandbox) {
    this.cluster = cluster;
    this.sandbox = sandbox;
  }

  /** What {@code up} did, phase by phase. */
  public record UpResult(String target, String clusterAction, List<String> builds, DeployResult deploy) {}

  @Override
  public String id() {
    return "hostk8s.up";
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
  public Object run(CommandContext ctx) throws InterruptedException {
    EngineServices engine = ctx.engine();
    Workspace ws = engine.workspace();
    Progress p = ctx.progress();
    p.begin("HostK8s: up");
    boolean useSandbox = ctx.args().flag("sandbox") || isSandbox(ws);
    String clusterAction = ensureCluster(engine, useSandbox, p);
    p.checkCancelled();
    Map<String, String> images = new LinkedHashMap<>();
    List<String> built;
    if (useSandbox) {
      p.report("build: skipped — the sandbox runs each image from its recipe (voting-app/run-local.sh), not from a registry", 25);
      built = List.of();
    } else {
      p.report("build: " + ws.config().config().services().keySet(), 25);
      List<BuildResult> results = builds.buildAll(ws, BuildOptions.kind(BuildMode.DEV), p, line -> { });
      results.forEach(r -> images.put(r.service(), r.image().inCluster()));
      built = results.stream().map(r -> r.service() + " → " + r.image().inCluster() + (r.cached() ? " (unchanged)" : "")).toList();
    }
    p.checkCancelled();
    DeployOptions options = DeployOptions.local().withSuspendFlux(ctx.args().flag("suspendFlux"));
    DeployResult deploy = DeployService.deploy(engine, images, options, p);
    p.end(deploy.ready() ? "every service is ready" : "deployed; not every service is ready");
    return new UpResult(useSandbox ? "sandbox" : "cluster", clusterAction, built, deploy);
  }

  private String ensureCluster(EngineServices engine, boolean useSandbox, Progress p) {
    Workspace ws = engine.workspace();
    String state = ClusterProbe.probe(ws.config().config(), ws.kubeconfig()).cluster().state();
    if ("running".equals(state)) {
      p.report("cluster: running (" + ws.kubeconfig() + ")", 10);
      return "already running";
    }
    if (useSandbox) {
      p.report("cluster: starting the sandbox test bed", 5);
      SandboxLauncher.UpResult up = sandbox.up(ws, p);
      ws.useKubeconfig(Path.of(up.kubeconfig()));
      return "sandbox started";
    }
    p.report("cluster: " + state + " — starting it", 5);
    cluster.start(engine, p);
    return "started";
  }

  private static boolean isSandbox(Workspace ws) {
    Path kc = ws.kubeconfig();
    return kc != null && kc.toAbsolutePath().startsWith(SandboxLauncher.stateDir(ws).toAbsolutePath());
  }
}
