package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * What {@code hostk8s-dev dev} runs after {@code up}: a forward for every service with an {@code http} port, the
 * debug adapter's address, and (unless turned off) every service's pod log, prefixed with the service's name
 * (a local run's output with {@code service (local)}). Sync is started by {@code up} itself; its batches arrive as
 * events and are printed with the rest. What dev starts is recorded in {@link DevShutdown}, which stops only that.
 */
final class DevLoop {
  private final Engine engine;
  private final Set<String> services;
  private final PrintWriter out;
  private final Progress progress;
  private final DevShutdown started;

  DevLoop(Engine engine, Set<String> services, PrintWriter out, Progress progress, DevShutdown started) {
    this.engine = engine;
    this.services = services;
    this.out = out;
    this.progress = progress;
    this.started = started;
  }

  /** Prints events from now on: sync batches, forward moves, debug sessions, sandbox. */
  void printEvents() {
    engine.onEvent(e -> {
      // deploy phases are already printed as progress, opened forwards by forwardHttp()
      if (!e.type().startsWith("deploy.") && !e.type().equals("forward.open")) {
        line("[" + e.type() + "] " + e.text());
      }
    });
  }

  /** Opens a forward for each configured service whose pods declare an {@code http} port; returns "service at URL". */
  List<String> forwardHttp() {
    List<String> openBefore = engine.status().forwards().stream().map(f -> f.service() + "/" + f.name()).toList();
    List<String> urls = new ArrayList<>();
    for (String service : services) {
      JsonObject args = new JsonObject();
      args.addProperty("service", service);
      args.addProperty("portName", "http");
      try {
        JsonObject f = Json.GSON.toJsonTree(engine.execute(CommandIds.FORWARD_START, CommandArgs.named(args), progress).join()).getAsJsonObject();
        String url = Formatters.str(f, "url");
        String where = url != null ? url : "127.0.0.1:" + Formatters.str(f, "localPort");
        urls.add(service + " at " + where);
        if (!openBefore.contains(service + "/" + Formatters.str(f, "name"))) {
          started.forwardOpened(service, Formatters.str(f, "name"));
        }
        line(String.format("forward  %-8s %s → pod port %s", service, where, Formatters.str(f, "remotePort")));
      } catch (RuntimeException e) {
        if (!noHttpPort(e)) {
          line("forward  " + service + ": not opened — " + message(e));
        }
      }
    }
    return urls;
  }

  /** Prints where IDEs attach the {@code hostk8s} debug type. */
  void printDebugEndpoint() {
    try {
      JsonElement r = Json.GSON.toJsonTree(engine.execute(CommandIds.DEBUG_ENDPOINT, CommandArgs.none(), progress).join());
      JsonObject o = r.getAsJsonObject();
      String where = o.has("port") ? Formatters.str(o, "host") + ":" + Formatters.str(o, "port") : Formatters.str(o, "socket");
      line("debug    DAP adapter at " + where + " — attach {\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"vote\"} (F5 in the IDE)");
    } catch (RuntimeException e) {
      line("debug    adapter not available — " + message(e));
    }
  }

  /** Follows every configured service's pod log; lines are printed as {@code service │ line}. */
  void followLogs() {
    engine.onLog(b -> {
      String label = LocalRuns.LOCAL_POD.equals(b.pod()) ? b.service() + " (local)" : b.service();
      b.lines().forEach(l -> line(String.format("%-7s│ %s", label, l)));
    });
    for (String service : services) {
      JsonObject args = new JsonObject();
      args.addProperty("service", service);
      args.addProperty("tailLines", 0);
      try {
        JsonObject r = Json.GSON.toJsonTree(engine.execute(CommandIds.LOGS_FOLLOW, CommandArgs.named(args), progress).join()).getAsJsonObject();
        if (!r.get("alreadyFollowing").getAsBoolean()) {
          started.logFollowed(service);
        }
      } catch (RuntimeException e) {
        line("logs     " + service + ": not followed — " + message(e));
      }
    }
  }

  private static boolean noHttpPort(RuntimeException e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return t instanceof HostK8sException h && (h.code() == ErrorCode.FORWARD_NO_PORT || h.code() == ErrorCode.UNKNOWN_SERVICE);
  }

  private static String message(RuntimeException e) {
    Throwable t = e.getCause() != null && e instanceof CompletionException ? e.getCause() : e;
    return t.getMessage();
  }

  private void line(String s) {
    synchronized (out) {
      out.println(s);
      out.flush();
    }
  }
}
