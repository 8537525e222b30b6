package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterResult;
import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;

/**
 * {@code hostk8s.cluster.stop}: see {@link ClusterService#stop}. Checks first that the cluster can be stopped
 * (CLUSTER_IS_SANDBOX on the sandbox, DOCKER_UNREACHABLE / KIND_MISSING), then stops sync, log follows and forwards,
 * then the cluster.
 */
public final class ClusterStopCommand implements Command {
  private final ClusterService cluster;

  public ClusterStopCommand(ClusterService cluster) {
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return CommandIds.CLUSTER_STOP;
  }

  @Override
  public String title() {
    return "Stop the cluster (HostK8s make stop, or kind delete + registry container removed; data/ kept)";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Cluster";
  }

  @Override
  public ResultView view() {
    return ResultView.message("Cluster: {message}");
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.progress().begin("HostK8s: cluster stop");
    cluster.checkStoppable(ctx.engine()); // a command that fails stops nothing: sync, logs and forwards stay as they are
    ClusterFeatures.stopAll(ctx.engine()).forEach(l -> ctx.progress().report("stopped " + l, null));
    ClusterResult r = cluster.stop(ctx.engine(), ctx.progress());
    ctx.progress().end(r.message());
    return r;
  }
}
