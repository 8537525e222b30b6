package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "sandbox", description = "The sandbox test bed: a stand-in Kubernetes whose pods are local processes (no Docker needed).",
    subcommands = {SandboxCli.Up.class, SandboxCli.Down.class})
final class SandboxCli {
  @Command(name = "up", description = "Start the sandbox in the background; prints its kubeconfig path on the last line.")
  static final class Up extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.SANDBOX_UP;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> "sandbox running (state in " + Formatters.str(t.getAsJsonObject(), "stateDir") + ")\n"
          + Formatters.str(t.getAsJsonObject(), "kubeconfig");
    }
  }

  @Command(name = "down", description = "Stop the sandbox and every process it started.")
  static final class Down extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.SANDBOX_DOWN;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        StringBuilder sb = new StringBuilder();
        t.getAsJsonObject().getAsJsonArray("output").forEach(l -> sb.append(l.getAsString()).append('\n'));
        return sb.append("sandbox stopped").toString();
      };
    }
  }
}
