package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.commands.ResultView;
import java.util.function.Function;

/**
 * A publish command that talks to the DigitalOcean API: it opens a {@link CloudSession} on the arguments' API URL
 * and, when the work fails, keeps the error in the status snapshot's cloud section (the message only; a token is
 * never in one) so the IDE shows it until the next success.
 */
abstract class CloudPublishCommand<A extends Record> extends PublishCommand<A> {
  private final Function<A, String> apiUrl;

  protected CloudPublishCommand(String id, String title, Class<A> argType, ResultView view, Function<A, String> apiUrl) {
    super(id, title, argType, view);
    this.apiUrl = apiUrl;
  }

  /** The work, inside an open session. */
  protected abstract Done execute(CommandContext ctx, A args, CloudSession session) throws Exception;

  @Override
  protected final Done execute(CommandContext ctx, A args) throws Exception {
    CloudSession session = CloudSession.open(ctx.engine(), apiUrl.apply(args));
    try {
      return execute(ctx, args, session);
    } catch (Exception e) {
      recordError(session, e);
      throw e;
    }
  }

  private static void recordError(CloudSession session, Exception e) {
    try {
      CloudStatus now = CloudStatusReader.offline(session.state());
      session.publishStatus(now.withLastError(e.getMessage()));
    } catch (RuntimeException ignored) {
      // an unreadable state file is reported by the command itself
    }
  }
}
