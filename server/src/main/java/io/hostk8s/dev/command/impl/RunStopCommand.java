package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.run.LocalRuns;
import java.util.Map;

/** {@code hostk8s.run.stop [{service}]}: kills the service's local run (process tree, debug adapter) and its forwards. */
public final class RunStopCommand implements Command {
  @Override
  public String id() {
    return CommandIds.RUN_STOP;
  }

  @Override
  public String title() {
    return "Stop a service running on the host";
  }

  @Override
  public String category() {
    return "Run";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ServiceArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{service} no longer runs on the host");
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().as(ServiceArgs.class).service();
    LocalRuns runs = ctx.engine().featureIfPresent(LocalRuns.class);
    return Map.of("service", service, "stopped", runs != null && runs.stop(service));
  }
}
