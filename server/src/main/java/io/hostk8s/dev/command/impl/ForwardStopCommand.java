package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ForwardStopArgs;
import java.util.List;
import java.util.Map;

/** {@code hostk8s.forward.stop [{service, name?}]}: closes the service's forward {@code name}, or all of its forwards. */
public final class ForwardStopCommand implements Command {
  @Override
  public String id() {
    return CommandIds.FORWARD_STOP;
  }

  @Override
  public String title() {
    return "Stop a service's port-forwards";
  }

  @Override
  public String category() {
    return "Forward";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ForwardStopArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Forwards of {service} stopped: {closed}");
  }

  @Override
  public Object run(CommandContext ctx) {
    ForwardStopArgs a = ctx.args().as(ForwardStopArgs.class);
    String service = a.service();
    String name = a.name();
    PortForwards forwards = ctx.engine().featureIfPresent(PortForwards.class);
    if (forwards == null) {
      return Map.of("service", service, "closed", List.of());
    }
    List<String> names = forwards.list().stream().filter(f -> f.service().equals(service))
        .map(ForwardStatus::name).filter(n -> name == null || n.equals(name)).toList();
    List<String> closed = names.stream().filter(n -> forwards.close(service, n)).toList();
    return Map.of("service", service, "closed", closed);
  }
}
