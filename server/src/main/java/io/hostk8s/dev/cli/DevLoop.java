package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code hostk8s-dev dev} runs after {@code up}: a forward for every service with an {@code http} port, the
 * debug adapter's address, and (unless turned off) every service's pod log, prefixed with the service's name.
 * Sync is started by {@code up} itself; its batches arrive as events and are printed with the rest.
 */
final class DevLoop {
  private final LocalEngine engine;
  private final PrintWriter out;
  private final Progress progress;

  DevLoop(LocalEngine engine, PrintWriter out, Progress progress) {
    this.engine = engine;
    this.out = out;
    this.progress = progress;
  }

  /** Prints events from now on: sync batches, forward moves, debug sessions, sandbox. */
  void printEvents() {
    engine.onEvent(e -> {
      // deploy phases are already printed as progress, opened forwards by forwardHttp()
      if (!e.type().startsWith("deploy.") && !e.type().equals("forward.open")) {
        line("[" + e.type() + "] " + (e.service() == null ? "" : e.service() + ": ") + e.message());
      }
    });
  }

  /** Opens a forward for each configured service whose pods declare an {@code http} port; returns "service at URL". */
  List<String> forwardHttp() {
    List<String> urls = new ArrayList<>();
    for (String service : engine.services().workspace().config().config().services().keySet()) {
      Integer port = httpPort(service);
      if (port == null) {
        continue;
      }
      JsonObject args = new JsonObject();
      args.addProperty("service", service);
      args.addProperty("port", port);
      try {
        JsonObject f = Json.GSON.toJsonTree(engine.execute("hostk8s.forward.start", CommandArgs.named(args), progress).join()).getAsJsonObject();
        String url = Formatters.str(f, "url");
        String where = url != null ? url : "127.0.0.1:" + Formatters.str(f, "localPort");
        urls.add(service + " at " + where);
        line(String.format("forward  %-8s %s → pod port %d", service, where, port));
      } catch (RuntimeException e) {
        line("forward  " + service + ": not opened — " + message(e));
      }
    }
    return urls;
  }

  /** Prints where IDEs attach the {@code hostk8s} debug type. */
  void printDebugEndpoint() {
    try {
      JsonElement r = Json.GSON.toJsonTree(engine.execute("hostk8s.debug.endpoint", CommandArgs.none(), progress).join());
      JsonObject o = r.getAsJsonObject();
      String where = o.has("port") ? Formatters.str(o, "host") + ":" + Formatters.str(o, "port") : Formatters.str(o, "socket");
      line("debug    DAP adapter at " + where + " — attach {\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"vote\"} (F5 in the IDE)");
    } catch (RuntimeException e) {
      line("debug    adapter not available — " + message(e));
    }
  }

  /** Follows every configured service's pod log; lines are printed as {@code service │ line}. */
  void followLogs() {
    engine.onLog(b -> b.lines().forEach(l -> line(String.format("%-7s│ %s", b.service(), l))));
    for (String service : engine.services().workspace().config().config().services().keySet()) {
      JsonObject args = new JsonObject();
      args.addProperty("service", service);
      args.addProperty("tailLines", 0);
      try {
        engine.execute("hostk8s.logs.follow", CommandArgs.named(args), progress).join();
      } catch (RuntimeException e) {
        line("logs     " + service + ": not followed — " + message(e));
      }
    }
  }

  private Integer httpPort(String service) {
    try {
      return ForwardTarget.resolve(engine.services().kube(), engine.services().workspace().config().config(), service)
          .containerPort(engine.services().kube(), "http");
    } catch (HostK8sException e) {
      return null;
    }
  }

  private static String message(RuntimeException e) {
    Throwable t = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
    return t.getMessage();
  }

  private void line(String s) {
    synchronized (out) {
      out.println(s);
      out.flush();
    }
  }
}
