package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;

/** {@code hostk8s.status}: the whole observable state (same payload as the hostk8s/status notification). */
public final class StatusCommand implements Command {
  @Override
  public String id() {
    return "hostk8s.status";
  }

  @Override
  public String title() {
    return "Show status";
  }

  @Override
  public Object run(CommandContext ctx) {
    return ClusterProbe.refresh(ctx.engine());
  }
}
