package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.cloud.publish.release.ReleaseViews;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import java.util.List;

/** {@code hostk8s.publish.history}: the published app's releases (read from the publish state; no API call). */
public final class PublishHistoryCommand implements Command {
  @Override
  public String id() {
    return CommandIds.PUBLISH_HISTORY;
  }

  @Override
  public String title() {
    return "List the published app's releases (images, time, git commit, what changed)";
  }

  @Override
  public String category() {
    return "Publish";
  }

  @Override
  public ResultView view() {
    return ResultView.message("Publish history: {summary}").withLines("lines").withOk("ok");
  }

  @Override
  public Object run(CommandContext ctx) {
    ReleaseStore releases = new ReleaseStore(new PublishStateStore(ctx.engine().workspace().stateDir()));
    return ReleaseViews.of(releases.load(), List.of(), null);
  }
}
