package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishPlanner;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;

/**
 * {@code hostk8s.publish.plan}: what apply would create or reuse on DigitalOcean, with a live cost estimate. Read
 * only: a failure is the command's answer, not kept in the status (nothing was changed).
 */
public final class PublishPlanCommand extends PublishCommand<PublishPlanArgs> {
  public PublishPlanCommand() {
    super(CommandIds.PUBLISH_PLAN, "Plan publishing to DigitalOcean (what is created or reused, and what it costs)",
        PublishPlanArgs.class, ResultView.message("Publish plan: {summary}").withLines("lines").withProblems("warnings"));
    progress("HostK8s: planning the DigitalOcean publish", "plan failed");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishPlanArgs args) {
    PublishPlan plan = PublishPlanner.plan(CloudSession.open(ctx.engine(), args.apiUrl()), args);
    return new Done(plan, plan.summary());
  }
}
