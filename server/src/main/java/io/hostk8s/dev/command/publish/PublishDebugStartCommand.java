package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.debug.CloudDebug;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishDebugArgs;

/**
 * {@code hostk8s.publish.debug.start}: a debug session on the published app on explicit request ({@link CloudDebug}:
 * vote's dev image with debugpy, the worker's JDWP; one replica). Without {@code yes} it refuses with 7014 and the
 * plan — what it changes and costs — in the suggestions.
 */
public final class PublishDebugStartCommand extends PublishCommand<PublishDebugArgs> {
  public PublishDebugStartCommand() {
    super(CommandIds.PUBLISH_DEBUG_START, "Debug the published app (asks first: a dev image in production, 1 replica)",
        PublishDebugArgs.class, CloudDebugResults.VIEW);
    progress("HostK8s: debug mode on the published app", "debug mode not started");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishDebugArgs args) throws Exception {
    return CloudDebugResults.done(ctx, CloudDebugResults.debug(ctx).start(args.service(), yes(args.yes()), ctx.progress()));
  }
}
