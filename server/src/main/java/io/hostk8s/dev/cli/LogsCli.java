package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.LogsFollowArgs;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    if (!follow) {
      return CliRuntime.run(options, CommandIds.LOGS_FOLLOW, CommandArgs.of(new LogsFollowArgs(service, tail, false)), spec.commandLine().getOut(), spec.commandLine().getErr(),
          LogsCli::lines, t -> 0);
    }
    Consumer<String> out = CliSession.printer(spec.commandLine().getOut());
    CommandArgs stop = CommandArgs.of(new ServiceArgs(service));
    AtomicBoolean ours = new AtomicBoolean(true);
    AtomicReference<LogHistoryGate> gate = new AtomicReference<>();
    return CliSession.of("logs -f " + service).beforeStart(engine -> {
      LogHistoryGate g = new LogHistoryGate(out); // a new one after a take-over: the new stream starts with history again
      gate.set(g);
      engine.onLog(b -> {
        if (b.service().equals(service)) {
          if (options.json) {
            g.live(Json.GSON.toJson(b));
          } else if (LocalRuns.LOCAL_POD.equals(b.pod())) {
            b.lines().forEach(l -> g.live("(local) " + l)); // the host run's output, not the pod's log
          } else {
            b.lines().forEach(g::live);
          }
        }
      });
    }).start(CommandIds.LOGS_FOLLOW, CommandArgs.of(new LogsFollowArgs(service, tail, null)))
        .stop(CommandIds.LOGS_STOP, () -> ours.get() ? stop : null)
        .endsWhen(e -> "logs.stop".equals(e.type()) && service.equals(e.service()))
        .started((result, engine) -> {
          // someone else (the IDE, dev) already followed this service: their stream has no history for us, and it
          // keeps running on Ctrl-C
          boolean already = result.getAsJsonObject().get("alreadyFollowing").getAsBoolean();
          ours.set(!already);
          if (already && (tail == null || tail > 0)) {
            gate.get().history(history(engine));
          } else {
            gate.get().open();
          }
        }).run(options, spec.commandLine().getErr());
  }

  /** The last --tail (default 100) lines of the current pod, read once. */
  private List<String> history(Engine engine) {
    CommandArgs once = CommandArgs.of(new LogsFollowArgs(service, tail == null ? 100 : tail, false));
    try {
      JsonObject r = Json.GSON.toJsonTree(engine.execute(CommandIds.LOGS_FOLLOW, once, Progress.NONE).join()).getAsJsonObject();
      if (options.json) {
        return List.of(Json.GSON.toJson(r));
      }
      List<String> lines = new ArrayList<>();
      r.getAsJsonArray("lines").forEach(l -> lines.add(l.getAsString()));
      return lines;
    } catch (RuntimeException e) {
      return List.of("[hostk8s] the log's history cannot be read (" + e.getMessage() + "); new lines follow");
    }
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
      return CommandIds.LOGS_STOP;
    }

    @Override
    String what() {
      return "following the log of";
    }

    @Override
    String noun() {
      return "log follow";
    }
  }
}
