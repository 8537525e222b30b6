package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterResult;
import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;

/** {@code hostk8s.cluster.start}: see {@link ClusterService#start}. */
public final class ClusterStartCommand implements Command {
  private final ClusterService cluster;

  public ClusterStartCommand(ClusterService cluster) {
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return CommandIds.CLUSTER_START;
  }

  @Override
  public String title() {
    return "Start the cluster (HostK8s make start, or our own kind cluster with its registry)";
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
    ctx.progress().begin("HostK8s: cluster start");
    ClusterResult r = cluster.start(ctx.engine(), ctx.progress());
    ctx.progress().end(r.message());
    return r;
  }
}
