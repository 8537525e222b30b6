package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;

/** {@code hostk8s.cluster.status}: the cluster part of the status, re-read (+ {@code make status} output in a checkout). */
public final class ClusterStatusCommand implements Command {
  private final ClusterService cluster;

  public ClusterStatusCommand(ClusterService cluster) {
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return CommandIds.CLUSTER_STATUS;
  }

  @Override
  public String title() {
    return "Show the cluster status (nodes, registry; HostK8s make status in a checkout)";
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
    ctx.progress().begin("HostK8s: cluster status");
    ClusterService.Report r = cluster.status(ctx.engine(), ctx.progress());
    ctx.progress().end(r.cluster().state());
    return r;
  }
}
