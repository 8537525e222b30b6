package io.hostk8s.dev.command.dev;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.SandboxDownCommand;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.DevStopArgs;

/**
 * {@code hostk8s.dev.stop [{run?}]}: ends a dev run (every one without {@code run}) and stops only what it started
 * ({@link DevStop}); a {@code DevStopResult}.
 */
public final class DevStopCommand implements Command {
  private final DevStop stop;

  public DevStopCommand(SandboxDownCommand sandboxDown) {
    this.stop = new DevStop(sandboxDown);
  }

  @Override
  public String id() {
    return CommandIds.DEV_STOP;
  }

  @Override
  public String title() {
    return "Stop Dev Loop";
  }

  @Override
  public String category() {
    return "Dev";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public Class<? extends Record> arguments() {
    return DevStopArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{summary}");
  }

  @Override
  public Object run(CommandContext ctx) {
    return stop.stop(ctx, ctx.args().as(DevStopArgs.class).run());
  }
}
