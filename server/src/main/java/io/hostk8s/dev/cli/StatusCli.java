package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show cluster, services, sync, forwards and debug sessions "
    + "(--json prints the hostk8s/status payload).")
final class StatusCli extends EngineCommandCli {
  @Override
  String commandId() {
    return CommandIds.STATUS;
  }

  @Override
  Function<JsonElement, String> human() {
    return Formatters::status;
  }
}
