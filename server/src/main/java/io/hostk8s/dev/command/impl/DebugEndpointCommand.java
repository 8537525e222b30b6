package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.DebugServiceArgs;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;

/**
 * {@code hostk8s.debug.endpoint}: where the engine's debug adapter is reached ({@link DebugEndpoint}: the Unix
 * socket's {@code path}; loopback {@code host}:{@code port} with the {@code token} a TCP client must pass in its
 * attach/launch); the IDE connects there for each {@code hostk8s} debug session. Needs a long-lived engine (IDE or
 * {@code hostk8s-dev dev}); a one-shot CLI engine would take the adapter with it when it exits.
 */
public final class DebugEndpointCommand implements Command {
  private final DebugAdapterHost adapter;

  public DebugEndpointCommand(DebugAdapterHost adapter) {
    this.adapter = adapter;
  }

  @Override
  public String id() {
    return CommandIds.DEBUG_ENDPOINT;
  }

  @Override
  public String title() {
    return "Debug adapter address";
  }

  @Override
  public String category() {
    return "Debug";
  }

  @Override
  public Class<? extends Record> arguments() {
    return DebugServiceArgs.class; // described, so clients offer only services with a debugger; read by the adapter
  }

  @Override
  public ResultView view() {
    return ResultView.message("Debug adapter at {path} (TCP {host}:{port} with its token)");
  }

  @Override
  public DebugEndpoint run(CommandContext ctx) {
    if ("observed".equals(ctx.engine().status().get().engine().mode())) {
      throw HostK8sException.user(ErrorCode.DEBUG_ENDPOINT_UNAVAILABLE,
          "No engine runs for this workspace, so there is no debug adapter to connect to.",
          "Start one with `hostk8s-dev dev` (or open the workspace in the IDE), then ask again.");
    }
    return adapter.endpoint(ctx.engine());
  }
}
