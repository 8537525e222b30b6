package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishDebugServiceArgs;

/**
 * {@code hostk8s.publish.debug.plan}: what debugging the published app would change and cost — read-only, and the
 * preview clients show before {@code publish debug start}'s consent.
 */
public final class PublishDebugPlanCommand extends PublishCommand<PublishDebugServiceArgs> {
  public PublishDebugPlanCommand() {
    super(CommandIds.PUBLISH_DEBUG_PLAN, "What debugging the published app would change and cost (read-only)",
        PublishDebugServiceArgs.class, CloudDebugResults.VIEW);
  }

  @Override
  protected Done execute(CommandContext ctx, PublishDebugServiceArgs args) {
    return CloudDebugResults.done(ctx, CloudDebugResults.debug(ctx).plan(args.service()));
  }
}
