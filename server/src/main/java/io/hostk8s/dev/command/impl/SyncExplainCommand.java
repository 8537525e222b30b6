package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.SyncExplainArgs;
import io.hostk8s.dev.sync.SyncManager;

/**
 * {@code hostk8s.sync.explain}: why a file is (not) synced — {@code [{service, path}]} (service optional: found from the
 * path) or {@code ["vote", "app.py"]}. Says which ignore rule (file, line, pattern) decided, the container path, and
 * whether a running session has the same content in the pod.
 */
public final class SyncExplainCommand implements Command {
  @Override
  public String id() {
    return CommandIds.SYNC_EXPLAIN;
  }

  @Override
  public String title() {
    return "Sync: explain why a file is or is not synced";
  }

  @Override
  public String category() {
    return "Sync";
  }

  @Override
  public Class<? extends Record> arguments() {
    return SyncExplainArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{path}: {verdict}");
  }

  @Override
  public Object run(CommandContext ctx) {
    SyncExplainArgs a = ctx.args().as(SyncExplainArgs.class);
    return SyncManager.of(ctx.engine()).explain(a.service(), a.path());
  }
}
