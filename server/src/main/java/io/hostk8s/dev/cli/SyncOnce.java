package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code sync SERVICE --once}: start, reconcile each running pod once, print the batches that were sent and where
 * the pods stand, then stop again (unless the sync was already running in the workspace's engine: then it keeps
 * running there and nothing was sent by this command).
 */
final class SyncOnce {
  private SyncOnce() {}

  static int run(CliOptions o, String service, CommandArgs args, PrintWriter out, PrintWriter err) {
    CliRuntime.initLogging(o);
    CliProgress progress = new CliProgress(err, o.json || !(o.verbose || System.console() != null));
    List<HostK8sEvent> batches = new CopyOnWriteArrayList<>();
    try (Engine engine = CliRuntime.engine(o)) {
      engine.onEvent(e -> {
        if (service.equals(e.service()) && "sync.batch".equals(e.type())) {
          batches.add(e);
        }
      });
      JsonElement started = Json.GSON.toJsonTree(engine.execute(CommandIds.SYNC_START, args, progress).join());
      boolean already = started.getAsJsonObject().get("alreadyRunning").getAsBoolean();
      if (!already) {
        engine.execute(CommandIds.SYNC_STOP, args, progress).join();
      }
      if (o.json) {
        JsonObject r = started.getAsJsonObject();
        r.add("batches", Json.GSON.toJsonTree(batches));
        out.println(Json.PRETTY.toJson(r));
      } else {
        batches.forEach(b -> out.println("sent  " + b.message()));
        out.println(summary(started.getAsJsonObject(), batches.size(), already));
      }
      out.flush();
      return 0;
    } catch (RuntimeException e) {
      CliErrors.print(e, err);
      return CliErrors.FAILURE;
    }
  }

  /** E.g. "sync vote --once: 1 batch sent; pod vote-… now matches the local files; not watching (sync stopped again)". */
  static String summary(JsonObject started, int batches, boolean already) {
    JsonObject s = started.getAsJsonObject("status");
    String service = Formatters.str(started, "service");
    String pod = Formatters.str(s, "pod");
    String error = Formatters.str(s, "error");
    StringBuilder sb = new StringBuilder("sync ").append(service).append(" --once: ");
    if (already) {
      return sb.append("sync was already running in the workspace's engine (").append(Formatters.str(s, "state"))
          .append("); nothing sent by this command, and it keeps running there").toString();
    }
    if (error != null) {
      sb.append(Formatters.str(s, "state")).append(" — ").append(error);
    } else if (pod == null) {
      sb.append("no running pod to sync into");
    } else {
      sb.append(batches == 0 ? "nothing to send — pod " + pod + " already had the local files" : batches + " batch(es) sent; pod " + pod
          + " now has the local files");
    }
    started.getAsJsonArray("sources").forEach(x -> sb.append("\n  ").append(x.getAsString()));
    return sb.append("\nnot watching: sync stopped again (hostk8s-dev sync ").append(service).append(" keeps it running)").toString();
  }
}
