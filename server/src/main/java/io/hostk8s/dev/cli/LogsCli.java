package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.util.Json;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", description = "Print SERVICE's pod log; with -f follow it (and the next pod after a replacement) until Ctrl-C.",
    subcommands = {LogsCli.Stop.class})
final class LogsCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "A service of hostk8s.dev.yaml, or any Kubernetes Service of the app namespace.")
  String service;

  @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines until Ctrl-C.")
  boolean follow;

  @Option(names = "--tail", paramLabel = "N", description = "Start with the last N lines (default 100).")
  Integer tail;

  @Override
  public Integer call() {
    if (service == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing SERVICE, e.g. `hostk8s-dev logs vote -f`.");
    }
    JsonObject args = new JsonObject();
    args.addProperty("service", service);
    if (tail != null) {
      args.addProperty("tailLines", tail);
    }
    if (!follow) {
      args.addProperty("follow", false);
      return CliRuntime.run(options, "hostk8s.logs.follow", CommandArgs.named(args), spec.commandLine().getOut(), spec.commandLine().getErr(),
          LogsCli::lines, t -> 0);
    }
    Consumer<String> out = CliSession.printer(spec.commandLine().getOut());
    JsonObject stop = new JsonObject();
    stop.addProperty("service", service);
    java.util.concurrent.atomic.AtomicBoolean ours = new java.util.concurrent.atomic.AtomicBoolean(true);
    return CliSession.run(options, spec.commandLine().getErr(), engine -> engine.onLog(b -> {
      if (b.service().equals(service)) {
        if (options.json) {
          out.accept(Json.GSON.toJson(b));
        } else {
          b.lines().forEach(out);
        }
      }
    }), "hostk8s.logs.follow", CommandArgs.named(args), "hostk8s.logs.stop", () -> ours.get() ? CommandArgs.named(stop) : null,
        // someone else (the IDE) already followed this service: leave their stream running on Ctrl-C
        (result, engine) -> ours.set(!result.getAsJsonObject().get("alreadyFollowing").getAsBoolean()));
  }

  private static String lines(JsonElement t) {
    StringBuilder sb = new StringBuilder();
    t.getAsJsonObject().getAsJsonArray("lines").forEach(l -> sb.append(l.getAsString()).append('\n'));
    return sb.toString().stripTrailing();
  }

  @Command(name = "stop", description = "Stop following SERVICE's log in the workspace's engine (e.g. the IDE's).")
  static final class Stop extends ServiceStopCli {
    @Override
    String commandId() {
      return "hostk8s.logs.stop";
    }

    @Override
    String what() {
      return "following the log of";
    }
  }
}
