package io.hostk8s.dev.cli;

import io.hostk8s.dev.protocol.commands.CommandIds;
import picocli.CommandLine.Command;

@Command(name = "debug", description = "The debug adapter (DAP) for in-cluster debugging.", subcommands = DebugCli.Endpoint.class)
final class DebugCli {
  @Command(name = "endpoint", description = "Print the debug adapter's address {host, port} (needs a running engine: hostk8s-dev dev or the IDE).")
  static final class Endpoint extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.DEBUG_ENDPOINT;
    }
  }
}
