package io.hostk8s.dev.cli;

import io.hostk8s.dev.protocol.commands.CommandIds;
import picocli.CommandLine.Command;

@Command(name = "config", description = "Work with hostk8s.dev.yaml.", subcommands = ConfigCli.Show.class)
final class ConfigCli {
  @Command(name = "show", description = "Print the effective configuration (file + defaults + .env) and its problems.")
  static final class Show extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.CONFIG_SHOW;
    }
  }
}
