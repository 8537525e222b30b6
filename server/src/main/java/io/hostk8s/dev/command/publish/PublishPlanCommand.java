package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishPlanner;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;

/** {@code hostk8s.publish.plan}: what apply would create or reuse on DigitalOcean, with a live cost estimate. */
public final class PublishPlanCommand implements Command {
  @Override
  public String id() {
    return CommandIds.PUBLISH_PLAN;
  }

  @Override
  public String title() {
    return "Plan publishing to DigitalOcean (what is created or reused, and what it costs)";
  }

  @Override
  public String category() {
    return "Publish";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public Class<? extends Record> arguments() {
    return PublishPlanArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Publish plan: {summary}").withLines("lines").withProblems("warnings");
  }

  @Override
  public Object run(CommandContext ctx) {
    PublishPlanArgs args = ctx.args().as(PublishPlanArgs.class);
    ctx.progress().begin("HostK8s: planning the DigitalOcean publish");
    CloudSession session = CloudSession.open(ctx.engine(), args.apiUrl());
    PublishPlan plan = PublishPlanner.plan(session, args);
    ctx.progress().end(plan.summary());
    return plan;
  }
}
