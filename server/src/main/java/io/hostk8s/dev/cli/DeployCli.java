package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DeployArgs;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", description = "Apply the manifests (with the dev transform) and wait until every service is ready; "
    + "with SERVICE only that service's objects, waiting for its rollout only.")
final class DeployCli extends EngineCommandCli {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "Only this service (e.g. vote, or redis); default every service.")
  String service;

  @Option(names = "--suspend-flux", description = "Suspend the Flux Kustomization owning the objects (resumed when the dev session stops).")
  boolean suspendFlux;

  @Option(names = "--no-wait", description = "Return right after applying; status keeps following the rollout.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for readiness (default 180).")
  Integer timeoutSeconds;

  @Override
  String commandId() {
    return CommandIds.DEPLOY;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new DeployArgs(suspendFlux, noWait, null,
        timeoutSeconds == null ? null : timeoutSeconds.doubleValue(), service));
  }

  @Override
  Function<JsonElement, String> human() {
    return DeployCli::summary;
  }

  /** The deploy result as text (also used by `up`). */
  static String summary(JsonElement t) {
    {
      JsonObject r = t.getAsJsonObject();
      StringBuilder sb = new StringBuilder("deployed to ").append(Formatters.str(r, "namespace")).append(": ")
          .append(r.getAsJsonArray("applied").size()).append(" objects applied");
      r.getAsJsonArray("suspendedFlux").forEach(f -> sb.append("\nsuspended Flux Kustomization ").append(f.getAsString())
          .append(" (resumed when the dev session stops; by hand: flux resume kustomization ")
          .append(f.getAsString().substring(f.getAsString().indexOf('/') + 1)).append(" -n ")
          .append(f.getAsString(), 0, f.getAsString().indexOf('/')).append(')'));
      for (JsonElement e : r.getAsJsonArray("services")) {
        JsonObject s = e.getAsJsonObject();
        sb.append(String.format("%n%-8s %s/%s %s", Formatters.str(s, "name"), Formatters.str(s, "readyPods"), Formatters.str(s, "totalPods"),
            s.get("ready").getAsBoolean() ? "ready" : "not ready: " + Formatters.str(s, "reason")));
      }
      return sb.toString();
    }
  }
}
