package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DoctorArgs;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = "Check what the target needs and print what is missing and how to fix it: a real "
    + "cluster (Java, Docker, kind, kubeconfig, registry) or the sandbox test bed (Java, its jar and runtimes, its kubeconfig "
    + "once it runs), chosen as `make dev` chooses (this workspace's running sandbox, else a real cluster when Docker and "
    + "kind are there, else the sandbox). Checks the target does not need are shown as not needed. "
    + "Exit code 1 when a check the target needs fails.")
final class DoctorCli extends EngineCommandCli {
  @ArgGroup(exclusive = true)
  Target target;

  static final class Target {
    @Option(names = "--sandbox", description = "Check for the sandbox test bed, whatever `make dev` would choose.")
    boolean sandbox;

    @Option(names = "--cluster", description = "Check for a real Kind cluster, whatever `make dev` would choose.")
    boolean cluster;
  }

  @Override
  String commandId() {
    return CommandIds.DOCTOR;
  }

  @Override
  CommandArgs args() {
    if (target == null) {
      return CommandArgs.none();
    }
    return CommandArgs.of(new DoctorArgs(target.sandbox ? DevTarget.SANDBOX : DevTarget.CLUSTER));
  }

  @Override
  Function<JsonElement, String> human() {
    return Formatters::doctor;
  }

  @Override
  Function<JsonElement, Integer> exitCode() {
    return Formatters::doctorExit;
  }
}
