package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import java.util.function.Function;
import picocli.CommandLine.Parameters;

/** `… stop SERVICE` subcommands: one engine command with {@code {service}}, answering {@code {service, stopped}}. */
abstract class ServiceStopCli extends EngineCommandCli {
  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  /** What was stopped, e.g. "following" / "on the host", for the messages. */
  abstract String what();

  /** What runs, as a noun: "sync", "log follow", "local run". */
  abstract String noun();

  @Override
  CommandArgs args() {
    return CommandArgs.of(new ServiceArgs(service));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> {
      if (t.getAsJsonObject().get("stopped").getAsBoolean()) {
        return "stopped " + what() + " " + service;
      }
      // without a running engine there is nothing anywhere to stop; say so rather than just "nothing"
      return "nothing to stop: no " + noun() + " of " + service + (CliRuntime.liveOwner(options).isPresent() ? " runs in the workspace's engine"
          : " runs — no engine runs for this workspace (a running sync, forward, logs -f, local, dev or the IDE would be it)");
    };
  }
}
