package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Restart a service's pods (like kubectl rollout restart) and wait until the new ones are ready.")
final class RestartCli extends EngineCommandCli {
  @Parameters(index = "0", paramLabel = "SERVICE", description = "A service of hostk8s.dev.yaml, or another Deployment of the app (db, redis).")
  String service;

  @Override
  String commandId() {
    return CommandIds.RESTART;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new ServiceArgs(service));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> Formatters.str(t.getAsJsonObject(), "summary");
  }
}
