package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.release.PublishRollback;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseViews;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishRollbackArgs;

/**
 * {@code hostk8s.publish.rollback}: the published app's Deployments back to a recorded release's images, with
 * readiness; recorded as a new release. Refuses without {@code yes}. Talks to the cluster only (no DigitalOcean API).
 */
public final class PublishRollbackCommand implements Command {
  @Override
  public String id() {
    return CommandIds.PUBLISH_ROLLBACK;
  }

  @Override
  public String title() {
    return "Roll the published app back to an earlier release (its images; the data stays)";
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
    return PublishRollbackArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Rollback: {summary}").withLines("lines").withOk("ok");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    PublishRollbackArgs args = ctx.args().as(PublishRollbackArgs.class);
    if (!Boolean.TRUE.equals(args.yes())) {
      throw HostK8sException.user(ErrorCode.CLOUD_CONSENT_NEEDED, "Rollback changes what the published app runs, and"
          + " needs your consent.", "Read `hostk8s-dev publish history`, then run `hostk8s-dev publish rollback --yes`"
          + " (the IDE asks you in a dialog).");
    }
    PublishStateStore store = new PublishStateStore(ctx.engine().workspace().stateDir());
    ctx.progress().begin("HostK8s: rolling the published app back");
    try {
      PublishRollback.Outcome out = new PublishRollback(store, ctx.engine().processes(), ctx.engine().workspace().root(),
          CloudSession.REAL_TIME, CloudSession.APP_TIMEOUT).rollback(args.to(), ctx.progress());
      String summary = "release " + out.target().number() + "'s images running and ready";
      ctx.progress().end(summary);
      return ReleaseViews.of(new ReleaseStore(store).load(), out.lines(), summary);
    } catch (RuntimeException | InterruptedException e) {
      ctx.progress().end("rollback failed");
      throw e;
    }
  }
}
