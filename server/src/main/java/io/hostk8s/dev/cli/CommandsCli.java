package io.hostk8s.dev.cli;

import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.util.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "commands", description = "List every server command id (the LSP executeCommand ids) and its CLI form.")
final class CommandsCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CliRuntime.initLogging(options);
    try (Engine engine = CliRuntime.engine(options)) {
      var out = spec.commandLine().getOut();
      if (options.json) {
        out.println(Json.PRETTY.toJson(engine.commands()));
      } else {
        for (CommandDescription c : engine.commands()) {
          out.printf("%-24s hostk8s-dev %-14s %s%n", c.id(), RootCommand.CLI_FORMS.getOrDefault(c.id(), "run " + c.id()), c.title());
        }
      }
      out.flush();
      return 0;
    }
  }
}
