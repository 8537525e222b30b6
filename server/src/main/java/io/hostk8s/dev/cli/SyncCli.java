package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.protocol.commands.args.SyncExplainArgs;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = "Sync a service's files into its pods until Ctrl-C, printing each batch "
    + "(files, bytes, save → applied ms). Subcommands: explain, stop.", subcommands = {SyncCli.Explain.class, SyncCli.Stop.class})
final class SyncCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "The service to sync (e.g. vote).")
  String service;

  @Option(names = "--once", description = "Start, reconcile once, print the state and exit (stops the sync again unless it was already running).")
  boolean once;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (service == null) {
      err.println("Usage: hostk8s-dev sync <service> | sync explain [<service>] <path> | sync stop <service>");
      return CliErrors.FAILURE;
    }
    CommandArgs args = CommandArgs.of(new ServiceArgs(service));
    if (once) {
      return SyncOnce.run(options, service, args, out, err);
    }
    Consumer<String> print = CliSession.printer(out);
    AtomicBoolean ours = new AtomicBoolean(true);
    return CliSession.of("sync " + service).beforeStart(engine -> engine.onEvent(e -> {
      if (service.equals(e.service()) && e.type().startsWith("sync.")) {
        print.accept(options.json ? Json.GSON.toJson(e) : "[" + e.type() + "] " + e.message());
      }
    })).start(CommandIds.SYNC_START, args)
        .stop(CommandIds.SYNC_STOP, () -> ours.get() ? args : null)
        .endsWhen(e -> "sync.stopped".equals(e.type()) && service.equals(e.service()))
        .started((started, engine) -> {
          JsonObject st = started.getAsJsonObject();
          ours.set(!st.get("alreadyRunning").getAsBoolean());
          print.accept(options.json ? Json.PRETTY.toJson(started) : summary(st));
          print.accept("Watching; Ctrl-C to stop" + (ours.get() ? "." : " watching here (the sync was already running and keeps running)."));
        }).run(options, err);
  }

  static String summary(JsonObject st) {
    JsonObject s = st.getAsJsonObject("status");
    StringBuilder sb = new StringBuilder("sync ").append(Formatters.str(st, "service")).append(": ").append(Formatters.str(s, "state"));
    if (Formatters.str(s, "pod") != null) {
      sb.append(" (pod ").append(Formatters.str(s, "pod")).append(')');
    }
    if (Formatters.str(s, "error") != null) {
      sb.append(" — ").append(Formatters.str(s, "error"));
    }
    st.getAsJsonArray("sources").forEach(x -> sb.append("\n  ").append(x.getAsString()));
    return sb.toString();
  }

  @Command(name = "explain", description = "Why a file is or is not synced: the deciding ignore rule (file, line, pattern) and the container path.")
  static final class Explain extends EngineCommandCli {
    @Parameters(arity = "1..2", paramLabel = "[SERVICE] PATH", description = "The service (optional: found from the path, as the IDE "
        + "does) and the path — relative to the workspace or to the service context, or absolute.")
    List<String> words;

    @Override
    String commandId() {
      return CommandIds.SYNC_EXPLAIN;
    }

    @Override
    CommandArgs args() {
      return CommandArgs.of(new SyncExplainArgs(words.size() == 2 ? words.get(0) : null, words.get(words.size() - 1)));
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        JsonObject r = t.getAsJsonObject();
        StringBuilder sb = new StringBuilder(Formatters.str(r, "path")).append(" (").append(Formatters.str(r, "service")).append("): ")
            .append(Formatters.str(r, "verdict"));
        if (Formatters.str(r, "target") != null) {
          sb.append(" → ").append(Formatters.str(r, "target"));
        }
        sb.append("\n  ").append(Formatters.str(r, "reason"));
        if (Formatters.str(r, "inPod") != null) {
          sb.append("\n  in the pod: ").append(Formatters.str(r, "inPod"));
        }
        return sb.toString();
      };
    }

    @Override
    Function<JsonElement, Integer> exitCode() {
      return t -> "synced".equals(Formatters.str(t.getAsJsonObject(), "verdict")) ? 0 : 1;
    }
  }

  @Command(name = "stop", description = "Stop syncing a service (in the engine that owns the workspace).")
  static final class Stop extends ServiceStopCli {
    @Override
    String commandId() {
      return CommandIds.SYNC_STOP;
    }

    @Override
    String what() {
      return "syncing";
    }

    @Override
    String noun() {
      return "sync";
    }
  }
}
