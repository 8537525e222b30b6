package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.util.Json;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "forward", description = "Forward 127.0.0.1:PORT to a Ready pod of SERVICE until Ctrl-C (follows pod replacements).",
    subcommands = {ForwardCli.Stop.class, ForwardCli.ListForwards.class})
final class ForwardCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "A service of hostk8s.dev.yaml, or any Kubernetes Service of the app namespace (e.g. redis).")
  String service;

  @Option(names = "--port", paramLabel = "N", description = "The pod's port (default: the service's first container port).")
  Integer port;

  @Option(names = "--local-port", paramLabel = "N", description = "The local port (default: a stable port per service and port name).")
  Integer localPort;

  @Option(names = "--name", description = "The forward's name (default: the port's name, e.g. http).")
  String name;

  @Override
  public Integer call() {
    if (service == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing SERVICE, e.g. `hostk8s-dev forward vote`.");
    }
    JsonObject start = new JsonObject();
    start.addProperty("service", service);
    if (port != null) {
      start.addProperty("port", port);
    }
    if (localPort != null) {
      start.addProperty("localPort", localPort);
    }
    if (name != null) {
      start.addProperty("name", name);
    }
    Consumer<String> out = CliSession.printer(spec.commandLine().getOut());
    AtomicReference<String> forwardName = new AtomicReference<>(name);
    JsonObject stop = new JsonObject();
    stop.addProperty("service", service);
    Set<String> openBefore = new HashSet<>();
    AtomicBoolean ours = new AtomicBoolean(true);
    return CliSession.of("forward " + service).beforeStart(engine -> {
      // a forward the IDE (or another terminal) already has stays open when this one is stopped
      openBefore.clear();
      Object open = engine.execute(CommandIds.FORWARD_LIST, CommandArgs.none(), Progress.NONE).join();
      Json.GSON.toJsonTree(open).getAsJsonArray().forEach(x -> openBefore.add(Formatters.str(x.getAsJsonObject(), "service") + "/"
          + Formatters.str(x.getAsJsonObject(), "name")));
    }).start(CommandIds.FORWARD_START, CommandArgs.named(start))
        .stop(CommandIds.FORWARD_STOP, () -> ours.get() ? CommandArgs.named(stop) : null)
        .endsWhen(e -> "forward.closed".equals(e.type()) && service.equals(e.service()) && Objects.equals(forwardName.get(), e.data().get("name")))
        .started((result, engine) -> {
          JsonObject f = result.getAsJsonObject();
          forwardName.set(Formatters.str(f, "name"));
          ours.set(!openBefore.contains(service + "/" + forwardName.get()));
          stop.addProperty("name", forwardName.get());
          out.accept(options.json ? Json.GSON.toJson(f) : line(f) + "; Ctrl-C to stop");
          AtomicReference<String> last = new AtomicReference<>(Formatters.str(f, "pod") + " " + Formatters.str(f, "state"));
          engine.onStatus(s -> s.forwards().stream()
              .filter(x -> x.service().equals(service) && x.name().equals(forwardName.get())).findFirst().ifPresent(x -> {
                String now = x.pod() + " " + x.state();
                if (!Objects.equals(last.getAndSet(now), now)) {
                  out.accept(options.json ? Json.GSON.toJson(x) : line(Json.GSON.toJsonTree(x).getAsJsonObject()));
                }
              }));
        }).run(options, spec.commandLine().getErr());
  }

  static String line(JsonObject f) {
    String url = f.has("url") && !f.get("url").isJsonNull() ? f.get("url").getAsString() : "127.0.0.1:" + Formatters.str(f, "localPort");
    String pod = f.has("pod") && !f.get("pod").isJsonNull() ? "pod " + f.get("pod").getAsString() : "no Ready pod yet";
    return Formatters.str(f, "service") + "/" + Formatters.str(f, "name") + ": " + url + " → " + Formatters.str(f, "remotePort")
        + " (" + pod + ", " + Formatters.str(f, "state") + ")";
  }

  @Command(name = "stop", description = "Stop SERVICE's forwards (all, or --name) in the workspace's engine.")
  static final class Stop extends EngineCommandCli {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Option(names = "--name", description = "Only this forward.")
    String name;

    @Override
    String commandId() {
      return CommandIds.FORWARD_STOP;
    }

    @Override
    CommandArgs args() {
      JsonObject o = new JsonObject();
      o.addProperty("service", service);
      if (name != null) {
        o.addProperty("name", name);
      }
      return CommandArgs.named(o);
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> "closed " + t.getAsJsonObject().getAsJsonArray("closed").size() + " forward(s) of " + service;
    }
  }

  @Command(name = "list", description = "The open forwards of the workspace's engine.")
  static final class ListForwards extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.FORWARD_LIST;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        StringBuilder sb = new StringBuilder();
        t.getAsJsonArray().forEach(f -> sb.append(line(f.getAsJsonObject())).append('\n'));
        return sb.length() == 0 ? "no forwards" : sb.toString().stripTrailing();
      };
    }
  }
}
