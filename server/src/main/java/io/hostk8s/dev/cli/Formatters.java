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
    JsonObject engine = s.getAsJsonObject("engine");
    if (engine != null) {
      sb.append("\nengine   ").append(str(engine, "mode")).append(" (").append(str(engine, "frontEnd")).append(", pid ")
          .append(str(engine, "pid")).append(")");
    }
    for (JsonElement e : s.getAsJsonArray("services")) {
      JsonObject svc = e.getAsJsonObject();
      sb.append(String.format("%nservice  %-8s %s/%s ready", str(svc, "name"), str(svc, "ready"), str(svc, "total")));
      if (str(svc, "reason") != null) {
        sb.append("  ").append(str(svc, "reason"));
      }
    }
    for (JsonElement e : s.getAsJsonArray("forwards")) {
      JsonObject f = e.getAsJsonObject();
      sb.append("\nforward  ").append(str(f, "service")).append(" 127.0.0.1:").append(str(f, "localPort"))
          .append(" → ").append(str(f, "remotePort")).append(" (").append(str(f, "state")).append(')');
    }
    for (JsonElement e : s.getAsJsonArray("debugSessions")) {
      JsonObject d = e.getAsJsonObject();
      sb.append("\ndebug    ").append(str(d, "service")).append(' ').append(str(d, "runtime")).append(' ').append(str(d, "state"));
    }
    return sb.toString();
  }

  static String doctor(JsonElement tree) {
    StringBuilder sb = new StringBuilder();
    for (JsonElement e : tree.getAsJsonObject().getAsJsonArray("checks")) {
      JsonObject c = e.getAsJsonObject();
      boolean ok = c.get("ok").getAsBoolean();
      sb.append(ok ? "✔ " : "✘ ").append(String.format("%-11s", str(c, "name"))).append(str(c, "detail")).append('\n');
      if (!ok && str(c, "fix") != null) {
        sb.append("             fix: ").append(str(c, "fix")).append('\n');
      }
    }
    boolean ok = tree.getAsJsonObject().get("ok").getAsBoolean();
    sb.append(ok ? "All required checks passed." : "Some checks failed: see the fixes above.");
    return sb.toString();
  }

  static String json(JsonElement tree) {
    return Json.PRETTY.toJson(tree);
  }

  static int doctorExit(JsonElement tree) {
    return tree.getAsJsonObject().get("ok").getAsBoolean() ? 0 : CliErrors.FAILURE;
  }
}
