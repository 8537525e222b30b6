package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.util.Json;

/** Human-readable renderings of command results (from their JSON, so local and remote print the same). */
final class Formatters {
  private Formatters() {}

  static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** The status as text: cluster, kubeconfig, engine, each service with its sync, forwards and debug sessions (as in the JSON). */
  static String status(JsonElement tree) {
    JsonObject s = tree.getAsJsonObject();
    StringBuilder sb = new StringBuilder();
    JsonObject c = s.getAsJsonObject("cluster");
    sb.append("cluster  ").append(str(c, "name")).append(": ").append(str(c, "state"));
    if (c.has("nodesTotal") && c.get("nodesTotal").getAsInt() > 0) {
      sb.append(" (").append(c.get("nodesReady").getAsInt()).append('/').append(c.get("nodesTotal").getAsInt()).append(" nodes ready)");
    }
    if (str(c, "reason") != null) {
      sb.append(" — ").append(str(c, "reason"));
    }
    sb.append("\nkubeconfig ").append(str(c, "kubeconfig"));
    sb.append("\ntarget   ").append(str(c, "target"));
    JsonObject cloud = s.has("cloud") && s.get("cloud").isJsonObject() ? s.getAsJsonObject("cloud") : null;
    if (cloud != null && !"none".equals(str(cloud, "state"))) {
      sb.append("\ncloud    ").append(str(cloud, "cluster")).append(' ').append(str(cloud, "state"));
      if (cloud.has("monthlyUsd") && !cloud.get("monthlyUsd").isJsonNull()) {
        sb.append(String.format(java.util.Locale.ROOT, " — $%.2f/month while it exists", cloud.get("monthlyUsd").getAsDouble()));
      }
      JsonObject app = cloud.has("app") && cloud.get("app").isJsonObject() ? cloud.getAsJsonObject("app") : null;
      if (app != null && app.has("debugging")) {
        app.getAsJsonArray("debugging").forEach(d -> sb.append("\nWARNING  published app in debug mode: ").append(d.getAsString()));
      }
    }
    JsonObject engine = s.getAsJsonObject("engine");
    if (engine != null) {
      sb.append("\nengine   ").append(str(engine, "mode")).append(" (").append(str(engine, "frontEnd")).append(", pid ")
          .append(str(engine, "pid")).append(")");
    }
    if (str(s, "busy") != null) {
      sb.append("\nbusy     ").append(str(s, "busy"));
    }
    boolean syncing = false;
    for (JsonElement e : s.getAsJsonArray("services")) {
      JsonObject svc = e.getAsJsonObject();
      sb.append(String.format("%nservice  %-8s %s/%s ready", str(svc, "name"), str(svc, "ready"), str(svc, "total")));
      if (str(svc, "reason") != null) {
        sb.append("  ").append(str(svc, "reason"));
      }
      if (svc.has("metrics") && svc.get("metrics").isJsonObject()) {
        JsonObject m = svc.getAsJsonObject("metrics");
        sb.append(String.format(java.util.Locale.ROOT, "  · cpu %dm, memory %.1f MiB", m.get("cpuMillicores").getAsLong(),
            m.get("memoryBytes").getAsLong() / 1048576.0));
      }
      JsonObject sync = svc.has("sync") && svc.get("sync").isJsonObject() ? svc.getAsJsonObject("sync") : null;
      if (sync != null && !"off".equals(str(sync, "state"))) {
        sb.append("  · sync ").append(sync(sync));
        syncing = true;
      }
    }
    if (!syncing) {
      sb.append("\nsync     off");
    }
    for (JsonElement e : s.getAsJsonArray("forwards")) {
      JsonObject f = e.getAsJsonObject();
      sb.append("\nforward  ").append(str(f, "service")).append(" 127.0.0.1:").append(str(f, "localPort"))
          .append(" → ").append(str(f, "remotePort")).append(" (").append(str(f, "state")).append(')');
    }
    if (s.getAsJsonArray("forwards").isEmpty()) {
      sb.append("\nforward  none");
    }
    for (JsonElement e : s.getAsJsonArray("debugSessions")) {
      JsonObject d = e.getAsJsonObject();
      sb.append("\ndebug    ").append(str(d, "service")).append(' ').append(str(d, "runtime")).append(' ').append(str(d, "state"));
    }
    if (s.getAsJsonArray("debugSessions").isEmpty()) {
      sb.append("\ndebug    no sessions");
    }
    return sb.toString();
  }

  /** A service's sync: state, pod, batches and save → applied latencies (last, p50, p95), save → serving, error. */
  static String sync(JsonObject sync) {
    StringBuilder sb = new StringBuilder(str(sync, "state"));
    if (str(sync, "pod") != null) {
      sb.append(" (").append(str(sync, "pod")).append(')');
    }
    int batches = sync.has("batches") ? sync.get("batches").getAsInt() : 0;
    if (batches > 0) {
      sb.append(", ").append(batches).append(batches == 1 ? " batch" : " batches");
      if (str(sync, "lastLatencyMs") != null) {
        sb.append(", save → applied ").append(str(sync, "lastLatencyMs")).append(" ms");
        if (str(sync, "p50Ms") != null) {
          sb.append(" (p50 ").append(str(sync, "p50Ms")).append(", p95 ").append(str(sync, "p95Ms")).append(')');
        }
      }
    }
    if (str(sync, "lastServingMs") != null) {
      sb.append(", serving ").append(str(sync, "lastServingMs")).append(" ms after the save");
      if (str(sync, "servingP50Ms") != null) {
        sb.append(" (p50 ").append(str(sync, "servingP50Ms")).append(", p95 ").append(str(sync, "servingP95Ms")).append(')');
      }
    }
    if (str(sync, "error") != null) {
      sb.append(" — ").append(str(sync, "error"));
    }
    return sb.toString();
  }

  /** The doctor report: the target and why, then each check (✔ ok, ✘ failed and needed, – failed but not needed). */
  static String doctor(JsonElement tree) {
    JsonObject report = tree.getAsJsonObject();
    StringBuilder sb = new StringBuilder();
    String target = str(report, "target");
    String label = "sandbox".equals(target) ? "the sandbox" : "a real cluster";
    if (target != null) {
      sb.append("target: ").append(label).append(" — ").append(str(report, "targetReason")).append('\n')
          .append("sandbox".equals(target) ? "        (`hostk8s-dev doctor --cluster` checks what a real cluster needs)\n"
              : "        (`hostk8s-dev doctor --sandbox` checks what the sandbox needs)\n");
    }
    for (JsonElement e : report.getAsJsonArray("checks")) {
      JsonObject c = e.getAsJsonObject();
      boolean ok = c.get("ok").getAsBoolean();
      String note = str(c, "note");
      sb.append(ok ? "✔ " : note != null ? "– " : "✘ ").append(String.format("%-17s", str(c, "name")));
      sb.append(note == null ? str(c, "detail") : ok ? str(c, "detail") + " (" + note + ")" : note + ": " + str(c, "detail")).append('\n');
      if (!ok && note == null && str(c, "fix") != null) {
        sb.append("                   fix: ").append(str(c, "fix")).append('\n');
      }
    }
    boolean ok = report.get("ok").getAsBoolean();
    sb.append(ok ? "Everything " + label + " needs is in place." : "Some checks failed that " + label + " needs: see the fixes above.");
    return sb.toString();
  }

  static String json(JsonElement tree) {
    return Json.PRETTY.toJson(tree);
  }

  static int doctorExit(JsonElement tree) {
    return tree.getAsJsonObject().get("ok").getAsBoolean() ? 0 : CliErrors.FAILURE;
  }
}
