package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;

/** {@code hostk8s.status}: the whole observable state (same payload as the hostk8s/status notification). */
public final class StatusCommand implements Command {
  @Override
  public String id() {
    return CommandIds.STATUS;
  }

  @Override
  public String title() {
    return "Show status";
  }

  @Override
  public String category() {
    return "Status";
  }

  @Override
  public ResultView view() {
    return new ResultView("status", "{cluster.state}: {cluster.name}", null, null, null, null);
  }

  @Override
  public Object run(CommandContext ctx) {
    return ClusterProbe.refresh(ctx.engine());
  }
}
