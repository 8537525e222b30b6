package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseViews;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import java.util.List;

/** {@code hostk8s.publish.history}: the published app's releases (read from the publish state; no API call). */
public final class PublishHistoryCommand extends PublishCommand<NoArgs> {
  public PublishHistoryCommand() {
    super(CommandIds.PUBLISH_HISTORY, "List the published app's releases (images, time, git commit, what changed)",
        NoArgs.class, ResultView.message("Publish history: {summary}").withLines("lines").withOk("ok"));
  }

  @Override
  protected Done execute(CommandContext ctx, NoArgs args) {
    ReleaseStore releases = new ReleaseStore(new PublishStateStore(ctx.engine().workspace().stateDir()));
    return new Done(ReleaseViews.of(releases.load(), List.of(), null), null);
  }
}
