package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.data.DataCopy;
import io.hostk8s.dev.cloud.publish.data.PublishData;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishDataResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishDataArgs;

/**
 * {@code hostk8s.publish.data.push} (local Postgres → the published app's) and {@code .pull} (the other way), with
 * row counts checked on both sides; refuses when the target holds rows unless {@code force}.
 */
public final class PublishDataCommand implements Command {
  private final boolean push;

  public PublishDataCommand(boolean push) {
    this.push = push;
  }

  @Override
  public String id() {
    return push ? CommandIds.PUBLISH_DATA_PUSH : CommandIds.PUBLISH_DATA_PULL;
  }

  @Override
  public String title() {
    return push ? "Copy the local Postgres data (votes) into the published app's database"
        : "Copy the published app's Postgres data (votes) into the local database";
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
    return PublishDataArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Data: {summary}").withLines("lines").withOk("ok");
  }

  @Override
  public Object run(CommandContext ctx) {
    PublishDataArgs args = ctx.args().as(PublishDataArgs.class);
    String from = push ? "local" : "cloud";
    String to = push ? "cloud" : "local";
    ctx.progress().begin("HostK8s: copying the data " + from + " → " + to);
    try {
      DataCopy.Outcome out = new PublishData(ctx.engine()).copy(push, Boolean.TRUE.equals(args.force()), ctx.progress());
      long rows = out.rows().values().stream().mapToLong(Long::longValue).sum();
      String summary = "copied " + rows + " rows in " + out.rows().size() + " tables " + from + " → " + to
          + ", counts checked on both sides (" + out.millis() + " ms)";
      ctx.progress().end(summary);
      return new PublishDataResult(true, summary, from, to, out.rows(), out.lines(), out.millis());
    } catch (RuntimeException e) {
      ctx.progress().end("copy failed");
      throw e;
    }
  }
}
