package io.hostk8s.dev.command.dev;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.UpCommand;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.DevArgs;

/**
 * {@code hostk8s.dev [{sandbox?, noLogs?, run?}]}: the dev loop ({@link DevLoop}) — up, a forward to every http
 * port, the debug adapter, the pod logs — left running in the engine; {@code hostk8s.dev.stop} ends it. Result:
 * a {@code DevResult} whose {@code summary} reads "Ready: vote at http://127.0.0.1:… · result at …".
 */
public final class DevCommand implements Command {
  private final DevLoop loop;

  public DevCommand(UpCommand up, DebugAdapterHost adapter) {
    this.loop = new DevLoop(up, adapter);
  }

  @Override
  public String id() {
    return CommandIds.DEV;
  }

  @Override
  public String title() {
    return "Start Dev Loop";
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
    return DevArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{summary}").withLines("notes").withUrl("url");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    return loop.start(ctx);
  }
}
