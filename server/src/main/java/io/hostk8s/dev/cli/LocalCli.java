package io.hostk8s.dev.cli;

import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.RunLocalArgs;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.util.Json;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "local", description = "Run SERVICE on the host under its debugger, against the cluster's dependencies "
    + "(forwarded), printing its output until Ctrl-C.", subcommands = {LocalCli.Stop.class})
final class LocalCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "A service with a local run configuration (vote by default).")
  String service;

  @Override
  public Integer call() {
    if (service == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing SERVICE, e.g. `hostk8s-dev local vote`.");
    }
    String python = System.getenv(LocalRuns.PYTHON_ENV);
    // the engine may be another process (dev, the IDE) with its own environment: pass our interpreter along
    CommandArgs args = CommandArgs.of(new RunLocalArgs(service, python == null || python.isBlank() ? null : python));
    Consumer<String> out = CliSession.printer(spec.commandLine().getOut());
    AtomicBoolean ours = new AtomicBoolean(true);
    return CliSession.of("local " + service).beforeStart(engine -> engine.onLog(b -> {
      if (b.service().equals(service) && LocalRuns.LOCAL_POD.equals(b.pod())) {
        b.lines().forEach(out);
      }
    })).start(CommandIds.RUN_LOCAL, args)
        .stop(CommandIds.RUN_STOP, () -> ours.get() ? args : null)
        .endsWhen(e -> ("run.local.stopped".equals(e.type()) || "run.local.exited".equals(e.type())) && service.equals(e.service()))
        .started((result, engine) -> {
          JsonObject r = result.getAsJsonObject();
          ours.set(!r.get("alreadyRunning").getAsBoolean());
          JsonObject debug = r.getAsJsonObject("debug");
          out.accept(options.json ? Json.GSON.toJson(r) : service + " on the host: " + Formatters.str(r, "url") + " (pid "
              + Formatters.str(r, "pid") + "); debugger " + Formatters.str(debug, "host") + ":" + Formatters.str(debug, "port")
              + " (DAP attach target)" + forwards(r) + "; Ctrl-C to stop");
        }).run(options, spec.commandLine().getErr());
  }

  private static String forwards(JsonObject r) {
    StringBuilder sb = new StringBuilder();
    r.getAsJsonArray("forwards").forEach(f -> sb.append("; ").append(ForwardCli.line(f.getAsJsonObject())));
    return sb.toString();
  }

  @Command(name = "stop", description = "Stop SERVICE's local run (process tree and its forwards) in the workspace's engine.")
  static final class Stop extends ServiceStopCli {
    @Override
    String commandId() {
      return CommandIds.RUN_STOP;
    }

    @Override
    String what() {
      return "the local run of";
    }

    @Override
    String noun() {
      return "local run";
    }
  }
}
