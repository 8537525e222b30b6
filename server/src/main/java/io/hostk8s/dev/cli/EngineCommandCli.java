package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of CLI subcommands that run one engine command (same semantics as the LSP command). */
abstract class EngineCommandCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  /** The engine command id this subcommand runs. */
  abstract String commandId();

  CommandArgs args() {
    return CommandArgs.none();
  }

  Function<JsonElement, String> human() {
    return Formatters::json;
  }

  Function<JsonElement, Integer> exitCode() {
    return t -> 0;
  }

  @Override
  public Integer call() {
    return CliRuntime.run(options, commandId(), args(), spec.commandLine().getOut(), spec.commandLine().getErr(), human(), exitCode());
  }
}
