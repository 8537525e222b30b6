package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.TargetArgs;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "target", description = "Switch the workspace between the local cluster and the one publish made on "
    + "DigitalOcean: status, logs and forwards follow; sync, deploy, up and in-cluster debugging refuse the cloud. "
    + "Remembered in .hostk8s/target (--target on any command: for that command only).")
final class TargetCli extends EngineCommandCli {
  @Parameters(index = "0", paramLabel = "TARGET", description = "local, or cloud (alias digitalocean).")
  String target;

  @Override
  String commandId() {
    return CommandIds.TARGET_SET;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new TargetArgs(target));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> Formatters.str(t.getAsJsonObject(), "summary");
  }
}
