package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;

/** {@code hostk8s.forward.list}: the open forwards ({@code [ForwardStatus]}, as in hostk8s/status). */
public final class ForwardListCommand implements Command {
  @Override
  public String id() {
    return CommandIds.FORWARD_LIST;
  }

  @Override
  public String title() {
    return "List the open port-forwards";
  }

  @Override
  public String category() {
    return "Forward";
  }

  @Override
  public ResultView view() {
    return ResultView.document("Open port-forwards");
  }

  @Override
  public Object run(CommandContext ctx) {
    PortForwards existing = ctx.engine().featureIfPresent(PortForwards.class);
    return existing == null ? java.util.List.of() : existing.list();
  }
}
