package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.debug.CloudDebug;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishDebugArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDebugServiceArgs;

/**
 * {@code hostk8s.publish.debug.plan|start|stop}: a debug session on the published app on explicit request
 * ({@link CloudDebug}). The plan is read-only and is start's preview; start refuses without consent (7014, the plan
 * in its suggestions); stop restores production. They talk to the published cluster (start also to the registry).
 */
public final class PublishDebugCommand implements Command {
  /** Which of the three. */
  public enum Kind { PLAN, START, STOP }

  private final Kind kind;

  public PublishDebugCommand(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String id() {
    return switch (kind) {
      case PLAN -> CommandIds.PUBLISH_DEBUG_PLAN;
      case START -> CommandIds.PUBLISH_DEBUG_START;
      case STOP -> CommandIds.PUBLISH_DEBUG_STOP;
    };
  }

  @Override
  public String title() {
    return switch (kind) {
      case PLAN -> "What debugging the published app would change and cost (read-only)";
      case START -> "Debug the published app (asks first: a dev image in production, 1 replica)";
      case STOP -> "Stop debugging the published app: production images and settings back, with readiness";
    };
  }

  @Override
  public String category() {
    return "Publish";
  }

  @Override
  public boolean longRunning() {
    return kind != Kind.PLAN;
  }

  @Override
  public Class<? extends Record> arguments() {
    return kind == Kind.START ? PublishDebugArgs.class : PublishDebugServiceArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Cloud debug: {summary}").withLines("lines").withOk("ok");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    PublishStateStore store = new PublishStateStore(ctx.engine().workspace().stateDir());
    CloudDebug debug = new CloudDebug(ctx.engine(), store, CloudSession.REAL_TIME, CloudSession.APP_TIMEOUT);
    if (kind == Kind.PLAN) {
      return result(store, debug.plan(ctx.args().as(PublishDebugServiceArgs.class).service()));
    }
    ctx.progress().begin(kind == Kind.START ? "HostK8s: debug mode on the published app" : "HostK8s: the published app back to production");
    try {
      CloudDebug.Outcome out = kind == Kind.START
          ? debug.start(ctx.args().as(PublishDebugArgs.class).service(),
              Boolean.TRUE.equals(ctx.args().as(PublishDebugArgs.class).yes()), ctx.progress())
          : debug.stop(ctx.args().as(PublishDebugServiceArgs.class).service(), ctx.progress());
      ctx.progress().end(out.summary());
      return result(store, out);
    } catch (RuntimeException | InterruptedException e) {
      ctx.progress().end(kind == Kind.START ? "debug mode not started" : "debug stop failed");
      throw e;
    }
  }

  private static PublishResult result(PublishStateStore store, CloudDebug.Outcome out) {
    return new PublishResult(true, out.summary(), CloudStatusReader.offline(store.load()), out.lines(), 0);
  }
}
