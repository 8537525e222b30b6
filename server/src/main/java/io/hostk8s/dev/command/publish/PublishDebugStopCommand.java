package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishDebugServiceArgs;

/** {@code hostk8s.publish.debug.stop}: the published app's production images and settings back, with readiness. */
public final class PublishDebugStopCommand extends PublishCommand<PublishDebugServiceArgs> {
  public PublishDebugStopCommand() {
    super(CommandIds.PUBLISH_DEBUG_STOP, "Stop debugging the published app: production images and settings back, with "
        + "readiness", PublishDebugServiceArgs.class, CloudDebugResults.VIEW);
    progress("HostK8s: the published app back to production", "debug stop failed");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishDebugServiceArgs args) throws Exception {
    return CloudDebugResults.done(ctx, CloudDebugResults.debug(ctx).stop(args.service(), ctx.progress()));
  }
}
