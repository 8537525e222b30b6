package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DevStopArgs;
import io.hostk8s.dev.protocol.commands.results.DevStopResult;
import io.hostk8s.dev.util.Json;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dev stop}: ends the dev loop(s) of the workspace's engine (the IDE's, another terminal's), stopping only what they started. */
@Command(name = "stop", description = "Stop the dev loop running in the workspace's engine (e.g. started by the IDE), and only what it started.")
final class DevStopCli extends EngineCommandCli {
  @Option(names = "--run", description = "The run to stop (the dev result's run); default: every dev run.")
  String run;

  @Override
  String commandId() {
    return CommandIds.DEV_STOP;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new DevStopArgs(run));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> Json.GSON.fromJson(t, DevStopResult.class).summary();
  }
}
