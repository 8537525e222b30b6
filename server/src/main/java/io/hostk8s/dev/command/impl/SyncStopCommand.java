package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.sync.SyncManager;

/** {@code hostk8s.sync.stop}: stops file sync of a service ({@code [{service}]}); its last figures, or not running. */
public final class SyncStopCommand implements Command {
  /** {@code stopped} false when no sync of the service was running. */
  public record Stopped(String service, boolean stopped, SyncStatus status) {}

  @Override
  public String id() {
    return CommandIds.SYNC_STOP;
  }

  @Override
  public String title() {
    return "Sync: stop syncing a service";
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
    return ResultView.message("Sync of {service} stopped");
  }

  @Override
  public Object run(CommandContext ctx) {
    String service = ctx.args().as(ServiceArgs.class).service();
    SyncManager manager = ctx.engine().featureIfPresent(SyncManager.class);
    SyncStatus last = manager == null ? null : manager.stop(service);
    return new Stopped(service, last != null, last);
  }
}
