package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.UpArgs;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Start the cluster if needed, build and push the images, deploy, and wait until every service is ready.")
final class UpCli extends EngineCommandCli {
  @Option(names = "--sandbox", description = "Target the sandbox test bed (started if needed). Without it, up chooses as `make dev` does: "
      + "the sandbox when it runs for this workspace or when no real cluster is possible here (no Docker daemon or no kind), else the Kind cluster.")
  boolean sandbox;

  @Option(names = "--suspend-flux", description = "Suspend the Flux Kustomization owning the objects (resumed when the dev session stops).")
  boolean suspendFlux;

  @Option(names = "--no-sync", description = "Do not start file sync. Sync outlives `up` only when an engine runs for the workspace "
      + "(the IDE, `dev`, or a running `sync`/`forward`/`logs -f`/`local`); otherwise up says so — `dev` or `sync <service>` keep it.")
  boolean noSync;

  @Override
  String commandId() {
    return CommandIds.UP;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new UpArgs(sandbox ? Boolean.TRUE : null, suspendFlux, noSync));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> {
      JsonObject r = t.getAsJsonObject();
      StringBuilder sb = new StringBuilder("target: ").append(Formatters.str(r, "target")).append(" (")
          .append(Formatters.str(r, "clusterAction")).append(") — ").append(Formatters.str(r, "targetReason"));
      r.getAsJsonArray("builds").forEach(b -> sb.append("\nbuilt   ").append(b.getAsString()));
      sb.append('\n').append(DeployCli.summary(r.get("deploy")));
      if (r.has("sync")) {
        r.getAsJsonArray("sync").forEach(x -> sb.append("\nsync    ").append(x.getAsString()));
      }
      if (Formatters.str(r, "syncNote") != null) {
        sb.append("\nsync    ").append(Formatters.str(r, "syncNote"));
      }
      if (r.has("lines")) { // the notes (a forward that was not opened, how long the forwards live)
        r.getAsJsonArray("lines").forEach(l -> {
          if (l.getAsString().startsWith("forward  ")) {
            sb.append("\n").append(l.getAsString().replaceFirst("^forward  ", "forward "));
          }
        });
      }
      if (r.has("urls")) { // last: where the app is
        r.getAsJsonObject("urls").entrySet().forEach(e -> sb.append("\nopen    ").append(e.getKey()).append(" at ").append(e.getValue().getAsString()));
      }
      return sb.toString();
    };
  }
}
