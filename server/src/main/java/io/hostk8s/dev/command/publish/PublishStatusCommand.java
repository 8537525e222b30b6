package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishStatusArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code hostk8s.publish.status}: what publish created, checked live against DigitalOcean. */
public final class PublishStatusCommand implements Command {
  @Override
  public String id() {
    return CommandIds.PUBLISH_STATUS;
  }

  @Override
  public String title() {
    return "Show what is published on DigitalOcean (checked live)";
  }

  @Override
  public String category() {
    return "Publish";
  }

  @Override
  public Class<? extends Record> arguments() {
    return PublishStatusArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Publish status: {summary}").withLines("lines");
  }

  @Override
  public Object run(CommandContext ctx) {
    PublishStatusArgs args = ctx.args().as(PublishStatusArgs.class);
    CloudSession session = CloudSession.open(ctx.engine(), args.apiUrl());
    try {
      CloudStatus cloud = CloudStatusReader.live(session.api(), session.state());
      session.publishStatus(cloud);
      List<String> lines = new ArrayList<>();
      String summary;
      if ("none".equals(cloud.state())) {
        summary = "nothing published from this workspace";
        lines.add(summary + " (run publish plan, then publish apply)");
      } else {
        summary = "cluster " + cloud.cluster() + " " + cloud.state() + (cloud.registry() == null ? "" : ", registry "
            + cloud.registry() + (Boolean.TRUE.equals(cloud.registryIntegrated()) ? " (pull access on)" : ""));
        lines.add("cluster  " + cloud.cluster() + " (" + cloud.clusterId() + ") in " + cloud.region() + ": " + cloud.state()
            + (cloud.message() == null || cloud.message().isBlank() ? "" : " — " + cloud.message()));
        lines.add("registry " + cloud.registry());
        lines.add("kubeconfig " + cloud.kubeconfig());
        if (cloud.monthlyUsd() != null) {
          lines.add(String.format(Locale.ROOT, "estimated cost $%.2f/month", cloud.monthlyUsd()));
        }
      }
      return new PublishResult(!"error".equals(cloud.state()), summary, cloud, lines, session.calls());
    } catch (RuntimeException e) {
      PublishCommands.recordError(session, e);
      throw e;
    }
  }
}
