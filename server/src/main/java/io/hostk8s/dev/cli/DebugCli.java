package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "debug", description = "The debug adapter (DAP) for in-cluster debugging.", subcommands = DebugCli.Endpoint.class)
final class DebugCli {
  @Command(name = "endpoint", description = "Print where the debug adapter listens: its Unix socket, and host:port"
      + " (TCP clients pass the token, printed only with --json, as the attach argument \"token\"). Needs a running"
      + " engine: hostk8s-dev dev or the IDE.")
  static final class Endpoint extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.DEBUG_ENDPOINT;
    }

    /** Without the token: a terminal's scrollback is no place for a secret (--json gives it to scripts). */
    @Override
    Function<JsonElement, String> human() {
      return tree -> {
        JsonObject o = tree.getAsJsonObject();
        String path = Formatters.str(o, "path");
        return (path == null || path.isEmpty() ? "" : "socket  " + path + "\n")
            + "tcp     " + Formatters.str(o, "host") + ":" + Formatters.str(o, "port")
            + "  (attach/launch must pass \"token\"; see --json)";
      };
    }
  }
}
