package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.data.DataCopy;
import io.hostk8s.dev.cloud.publish.data.PublishData;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.PublishDataResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishDataArgs;

/**
 * {@code hostk8s.publish.data.push} (local Postgres → the published app's) and {@code .pull} (the other way), with
 * row counts checked on both sides; refuses when the target holds rows unless {@code force}.
 */
public final class PublishDataCommand extends PublishCommand<PublishDataArgs> {
  private final boolean push;

  public PublishDataCommand(boolean push) {
    super(push ? CommandIds.PUBLISH_DATA_PUSH : CommandIds.PUBLISH_DATA_PULL,
        push ? "Copy the local Postgres data (votes) into the published app's database"
            : "Copy the published app's Postgres data (votes) into the local database",
        PublishDataArgs.class, ResultView.message("Data: {summary}").withLines("lines").withOk("ok"));
    this.push = push;
    progress("HostK8s: copying the data " + from() + " → " + to(), "copy failed");
  }

  private String from() {
    return push ? "local" : "cloud";
  }

  private String to() {
    return push ? "cloud" : "local";
  }

  @Override
  protected Done execute(CommandContext ctx, PublishDataArgs args) {
    DataCopy.Outcome out = new PublishData(ctx.engine()).copy(push, yes(args.force()), ctx.progress());
    long rows = out.rows().values().stream().mapToLong(Long::longValue).sum();
    String summary = "copied " + rows + " rows in " + out.rows().size() + " tables " + from() + " → " + to()
        + ", counts checked on both sides (" + out.millis() + " ms)";
    return new Done(new PublishDataResult(true, summary, from(), to(), out.rows(), out.lines(), out.millis()), summary);
  }
}
