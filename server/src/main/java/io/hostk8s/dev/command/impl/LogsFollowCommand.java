package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.logs.LogStreams;
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
    return "hostk8s.logs.follow";
  }

  @Override
  public String title() {
    return "Follow a service's pod logs";
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().requireString("service", 0, "{\"service\": \"vote\"}");
    Integer tail = IntArgs.optional(ctx.args(), "tailLines", "{\"service\": \"vote\", \"tailLines\": 50}");
    int tailLines = tail == null ? LogStreams.DEFAULT_TAIL : tail;
    boolean follow = !"false".equals(ctx.args().string("follow", 99).orElse("true"));
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
