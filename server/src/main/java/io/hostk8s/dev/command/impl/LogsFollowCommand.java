package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.LogsFollowArgs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code hostk8s.logs.follow [{service, tailLines?, follow?}]}: streams the service's pod log to the front ends as
 * {@code hostk8s/log} notifications ({@code {service, pod, lines}}), starting with the last {@code tailLines} (default
 * 100) lines, and follows the new pod after a replacement. Result {@code {service, pod, following: true,
 * alreadyFollowing}}. With {@code follow: false} nothing is streamed: the result is {@code {service, pod, lines}}.
 */
public final class LogsFollowCommand implements Command {
  @Override
  public String id() {
    return CommandIds.LOGS_FOLLOW;
  }

  @Override
  public String title() {
    return "Follow a service's pod logs";
  }

  @Override
  public String category() {
    return "Logs";
  }

  @Override
  public Class<? extends Record> arguments() {
    return LogsFollowArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Following the logs of {service} ({pod})").as("logs");
  }

  @Override
  public Object run(CommandContext ctx) {
    LogsFollowArgs a = ctx.args().as(LogsFollowArgs.class);
    String service = a.service();
    Integer tail = a.tailLines();
    int tailLines = tail == null ? LogStreams.DEFAULT_TAIL : tail;
    boolean follow = a.follow() == null || a.follow();
    if (!follow) {
      return LogStreams.tail(ctx.engine(), service, tailLines);
    }
    LogStreams.Following f = LogStreams.of(ctx.engine()).follow(service, tailLines, Duration.ofSeconds(5));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("service", f.service());
    result.put("pod", f.pod());
    result.put("following", true);
    result.put("alreadyFollowing", f.alreadyFollowing());
    return result;
  }
}
