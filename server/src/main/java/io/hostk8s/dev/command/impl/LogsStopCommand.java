package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import java.util.Map;

/** {@code hostk8s.logs.stop [{service}]}: stops streaming the service's pod log; {@code {service, stopped}}. */
public final class LogsStopCommand implements Command {
  @Override
  public String id() {
    return CommandIds.LOGS_STOP;
  }

  @Override
  public String title() {
    return "Stop following a service's pod logs";
  }

  @Override
  public String category() {
    return "Logs";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ServiceArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Stopped following the logs of {service}");
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().as(ServiceArgs.class).service();
    LogStreams streams = ctx.engine().featureIfPresent(LogStreams.class);
    return Map.of("service", service, "stopped", streams != null && streams.stop(service));
  }
}
