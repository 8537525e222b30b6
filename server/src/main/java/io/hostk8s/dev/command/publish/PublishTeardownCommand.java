package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishTeardown;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishTeardownArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hostk8s.publish.teardown}: deletes what publish created on DigitalOcean (never what it only reused) and
 * says what is left that bills; {@code ok} is false when anything is.
 */
public final class PublishTeardownCommand extends CloudPublishCommand<PublishTeardownArgs> {
  public PublishTeardownCommand() {
    super(CommandIds.PUBLISH_TEARDOWN, "Tear down what publish created on DigitalOcean", PublishTeardownArgs.class,
        ResultView.message("Publish teardown: {summary}").withLines("lines").withOk("ok"), PublishTeardownArgs::apiUrl);
    progress("HostK8s: tearing down the DigitalOcean publish", "teardown failed");
    consent(a -> yes(a.yes()), "Publish teardown deletes DigitalOcean resources", "Check `hostk8s-dev publish status`, "
        + "then run `hostk8s-dev publish teardown --yes`.");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishTeardownArgs args, CloudSession session) throws Exception {
    PublishTeardown.Outcome out = new PublishTeardown(session.api(), session.store(), CloudSession.REAL_TIME,
        CloudSession.DELETE_TIMEOUT).teardown(yes(args.keepData()), ctx.progress());
    List<String> lines = new ArrayList<>(out.lines());
    boolean clean = out.left().isEmpty();
    out.left().forEach(l -> lines.add("still billing: " + l));
    String summary = clean ? "nothing publish created is left on DigitalOcean"
        : out.left().size() + " resource(s) publish created are still there: " + String.join(", ", out.left());
    lines.add(session.calls() + " DigitalOcean API requests");
    session.publishStatus(clean ? CloudStatus.none() : null);
    return new Done(new PublishResult(clean, summary, clean ? CloudStatus.none() : null, lines, session.calls()), summary);
  }
}
