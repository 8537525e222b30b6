package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.sync.SyncManager;

/**
 * {@code hostk8s.sync.explain}: why a file is (not) synced — {@code [{service, path}]} (service optional: found from the
 * path) or {@code ["vote", "app.py"]}. Says which ignore rule (file, line, pattern) decided, the container path, and
 * whether a running session has the same content in the pod.
 */
public final class SyncExplainCommand implements Command {
  @Override
  public String id() {
    return "hostk8s.sync.explain";
  }

  @Override
  public String title() {
    return "Sync: explain why a file is or is not synced";
  }

  @Override
  public Object run(CommandContext ctx) {
    String path = ctx.args().requireString("path", 1, "[{\"service\": \"vote\", \"path\": \"voting-app/vote/app.py\"}]");
    String service = ctx.args().string("service", 0).orElse(null);
    return SyncManager.of(ctx.engine()).explain(service, path);
  }
}
