package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.status.ForwardStatus;
import java.util.List;
import java.util.Map;

/** {@code hostk8s.forward.stop [{service, name?}]}: closes the service's forward {@code name}, or all of its forwards. */
public final class ForwardStopCommand implements Command {
  @Override
  public String id() {
    return "hostk8s.forward.stop";
  }

  @Override
  public String title() {
    return "Stop a service's port-forwards";
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().requireString("service", 0, "{\"service\": \"vote\"}");
    String name = ctx.args().string("name", 1).orElse(null);
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
