package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.release.PublishRollback;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseViews;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishRollbackArgs;

/**
 * {@code hostk8s.publish.rollback}: the published app's Deployments back to a recorded release's images, with
 * readiness; recorded as a new release. Refuses without {@code yes}. Talks to the cluster only (no DigitalOcean API).
 */
public final class PublishRollbackCommand extends PublishCommand<PublishRollbackArgs> {
  public PublishRollbackCommand() {
    super(CommandIds.PUBLISH_ROLLBACK, "Roll the published app back to an earlier release (its images; the data stays)",
        PublishRollbackArgs.class, ResultView.message("Rollback: {summary}").withLines("lines").withOk("ok"));
    progress("HostK8s: rolling the published app back", "rollback failed");
    consent(a -> yes(a.yes()), "Rollback changes what the published app runs", "Read `hostk8s-dev publish history`, "
        + "then run `hostk8s-dev publish rollback --yes` (the IDE asks you in a dialog).");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishRollbackArgs args) throws Exception {
    PublishStateStore store = new PublishStateStore(ctx.engine().workspace().stateDir());
    PublishRollback.Outcome out = new PublishRollback(store, ctx.engine().processes(), ctx.engine().workspace().root(),
        CloudSession.REAL_TIME, CloudSession.APP_TIMEOUT).rollback(args.to(), ctx.progress());
    String summary = "release " + out.target().number() + "'s images running and ready";
    return new Done(ReleaseViews.of(new ReleaseStore(store).load(), out.lines(), summary), summary);
  }
}
