package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.BuildArgs;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = "Build the dev image of one service (or of every service with a build) and push it to the "
    + "registry of hostk8s.dev.yaml (registry.push) under its content tag; an unchanged one is neither rebuilt nor pushed.")
final class BuildCli extends EngineCommandCli {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "The service to build (e.g. vote); none: every service with a build.")
  String service;

  @Option(names = "--no-push", description = "Build only: Dockerfile images stay in the Docker daemon, Jib images (the worker) are "
      + "written to .hostk8s/images/*.tar; the registry is not asked.")
  boolean noPush;

  @Override
  String commandId() {
    return CommandIds.BUILD;
  }

  @Override
  CommandArgs args() {
    return CommandArgs.of(new BuildArgs(service, noPush ? Boolean.TRUE : null));
  }

  @Override
  Function<JsonElement, String> human() {
    return t -> {
      JsonObject r = t.getAsJsonObject();
      StringBuilder sb = new StringBuilder();
      r.getAsJsonArray("lines").forEach(l -> sb.append(l.getAsString()).append('\n'));
      if (Formatters.str(r, "note") != null) {
        sb.append("note: ").append(Formatters.str(r, "note")).append('\n');
      }
      return sb.append(Formatters.str(r, "summary")).toString();
    };
  }
}
