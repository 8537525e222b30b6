package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.sync.SyncManager;
import io.hostk8s.dev.sync.SyncSession;
import java.util.List;

/**
 * {@code hostk8s.sync.start}: starts file sync of a service ({@code [{service}]} or {@code ["vote"]}): watch, initial
 * reconcile of every running pod, then one exec per batch until {@code hostk8s.sync.stop} or the engine ends.
 */
public final class SyncStartCommand implements Command {
  /**
   * What start returns: the session's state after the first reconcile, its sources, whether it already ran, and one
   * line for a person ("Syncing vote: watching", or "vote was already syncing (watching); nothing started").
   */
  public record Started(String service, boolean alreadyRunning, List<String> sources, SyncStatus status, String summary) {}

  @Override
  public String id() {
    return CommandIds.SYNC_START;
  }

  @Override
  public String title() {
    return "Sync: start syncing a service's files into its pods";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Sync";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ServiceArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{summary}");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    String service = ctx.args().as(ServiceArgs.class).service();
    SyncManager manager = SyncManager.of(ctx.engine());
    boolean already = manager.session(service) != null;
    ctx.progress().begin("HostK8s: sync " + service);
    try {
      SyncSession s = manager.start(service);
      String summary = already ? service + " was already syncing (" + s.status().state() + "); nothing started"
          : "Syncing " + service + ": " + s.status().state();
      ctx.progress().end(summary);
      return new Started(service, already, s.sources().stream()
          .map(src -> ctx.engine().workspace().root().relativize(src.root()) + " → " + src.to()).toList(), s.status(), summary);
    } catch (RuntimeException | InterruptedException e) {
      ctx.progress().end("sync " + service + " failed: " + e.getMessage());
      throw e;
    }
  }
}
