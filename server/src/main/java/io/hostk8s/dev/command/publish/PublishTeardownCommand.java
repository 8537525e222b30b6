package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.PublishTeardown;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
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
public final class PublishTeardownCommand implements Command {
  @Override
  public String id() {
    return CommandIds.PUBLISH_TEARDOWN;
  }

  @Override
  public String title() {
    return "Tear down what publish created on DigitalOcean";
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
    return PublishTeardownArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Publish teardown: {summary}").withLines("lines").withOk("ok");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    PublishTeardownArgs args = ctx.args().as(PublishTeardownArgs.class);
    if (!Boolean.TRUE.equals(args.yes())) {
      throw HostK8sException.user(ErrorCode.CLOUD_CONSENT_NEEDED, "Publish teardown deletes DigitalOcean resources "
          + "and needs your consent.", "Check `hostk8s-dev publish status`, then run `hostk8s-dev publish teardown --yes`.");
    }
    ctx.progress().begin("HostK8s: tearing down the DigitalOcean publish");
    CloudSession session = CloudSession.open(ctx.engine(), args.apiUrl());
    try {
      PublishTeardown.Outcome out = new PublishTeardown(session.api(), session.store(), CloudSession.REAL_TIME,
          CloudSession.DELETE_TIMEOUT).teardown(Boolean.TRUE.equals(args.keepData()), ctx.progress());
      List<String> lines = new ArrayList<>(out.lines());
      boolean clean = out.left().isEmpty();
      out.left().forEach(l -> lines.add("still billing: " + l));
      String summary = clean ? "nothing publish created is left on DigitalOcean"
          : out.left().size() + " resource(s) publish created are still there: " + String.join(", ", out.left());
      lines.add(session.calls() + " DigitalOcean API requests");
      session.publishStatus(clean ? CloudStatus.none() : null);
      ctx.progress().end(summary);
      return new PublishResult(clean, summary, clean ? CloudStatus.none() : null, lines, session.calls());
    } catch (RuntimeException | InterruptedException e) {
      PublishCommands.recordError(session, e);
      ctx.progress().end("teardown failed");
      throw e;
    }
  }
}
