package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.util.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run any server command by its LSP id, e.g. `run hostk8s.status` or "
    + "`run hostk8s.sync.explain '{\"service\":\"vote\",\"path\":\"app.py\"}'`.")
final class RunCli extends EngineCommandCli {
  @Parameters(index = "0", paramLabel = "COMMAND", description = "The command id (see `hostk8s-dev commands`).")
  String command;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments: JSON values, or plain strings.")
  List<String> arguments = new ArrayList<>();

  @Override
  String commandId() {
    return command;
  }

  @Override
  CommandArgs args() {
    List<JsonElement> out = new ArrayList<>();
    for (String a : arguments) {
      JsonElement parsed;
      try {
        parsed = JsonParser.parseString(a);
      } catch (RuntimeException e) {
        parsed = new JsonPrimitive(a);
      }
      out.add(parsed);
    }
    return CommandArgs.of(out, Json.GSON);
  }
}
