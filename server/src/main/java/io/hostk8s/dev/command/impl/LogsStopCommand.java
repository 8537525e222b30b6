package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.logs.LogStreams;
import java.util.Map;

/** {@code hostk8s.logs.stop [{service}]}: stops streaming the service's pod log; {@code {service, stopped}}. */
public final class LogsStopCommand implements Command {
  @Override
  public String id() {
    return "hostk8s.logs.stop";
  }

  @Override
  public String title() {
    return "Stop following a service's pod logs";
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().requireString("service", 0, "{\"service\": \"vote\"}");
    LogStreams streams = ctx.engine().featureIfPresent(LogStreams.class);
    return Map.of("service", service, "stopped", streams != null && streams.stop(service));
  }
}
