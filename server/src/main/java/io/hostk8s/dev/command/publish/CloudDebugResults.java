package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.debug.CloudDebug;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.ResultView;

/** What the three {@code publish debug} commands share: their {@link CloudDebug}, result and view. */
final class CloudDebugResults {
  static final ResultView VIEW = ResultView.message("Cloud debug: {summary}").withLines("lines").withOk("ok");

  private CloudDebugResults() {}

  static CloudDebug debug(CommandContext ctx) {
    return new CloudDebug(ctx.engine(), store(ctx), CloudSession.REAL_TIME, CloudSession.APP_TIMEOUT);
  }

  /** The outcome with the cloud section as the publish state now has it. */
  static PublishCommand.Done done(CommandContext ctx, CloudDebug.Outcome out) {
    return new PublishCommand.Done(new PublishResult(true, out.summary(), CloudStatusReader.offline(store(ctx).load()),
        out.lines(), 0), out.summary());
  }

  private static PublishStateStore store(CommandContext ctx) {
    return new PublishStateStore(ctx.engine().workspace().stateDir());
  }
}
