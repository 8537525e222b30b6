package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import java.util.function.Function;
import picocli.CommandLine.Parameters;

/** `… stop SERVICE` subcommands: one engine command with {@code {service}}, answering {@code {service, stopped}}. */
abstract class ServiceStopCli extends EngineCommandCli {
  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  /** What was stopped, e.g. "following" / "on the host", for the messages. */
  abstract String what();

  @Override
  CommandArgs args() {
    JsonObject o = new JsonObject();
    o.addProperty("service", service);
    return CommandArgs.named(o);
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> t.getAsJsonObject().get("stopped").getAsBoolean() ? "stopped " + what() + " " + service : "nothing to stop: " + what() + " " + service;
  }
}
