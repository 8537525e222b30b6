package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.time.Duration;
import java.util.Set;

/**
 * The IDE's attach configuration: {@code service} (required unless {@code target} is given), optional
 * {@code target: {host, port}} (no cluster), {@code localRoot}/{@code remoteRoot} (override the config),
 * {@code runtime} (with target only), {@code justMyCode} (default true), {@code timeout} (seconds to wait for
 * the debuggee, default 30); for {@code launch}: {@code local: true} (run the service on the host). Other
 * attributes are passed to the debuggee's adapter — never {@code token} (the adapter's secret, checked by the DAP
 * front end: it must not reach a debuggee, whose logs may print its attach arguments).
 */
public record AttachConfig(String service, String targetHost, Integer targetPort, String localRoot, String remoteRoot,
    String runtime, boolean justMyCode, Duration timeout, JsonObject extra, boolean local) {
  private static final Set<String> OURS = Set.of("type", "request", "name", "service", "target", "localRoot",
      "remoteRoot", "runtime", "justMyCode", "timeout", "sessionId", "__configurationTarget", "__sessionId",
      "connect", "pathMappings", "port", "host", "local", "env", "token");

  public static AttachConfig parse(JsonElement raw) {
    if (raw == null || !raw.isJsonObject()) {
      throw bad("The attach request has no configuration object.");
    }
    JsonObject o = raw.getAsJsonObject();
    String service = string(o, "service");
    String host = null;
    Integer port = null;
    if (o.has("target")) {
      if (!o.get("target").isJsonObject()) {
        throw bad("\"target\" must be an object {\"host\": \"127.0.0.1\", \"port\": 5678}.");
      }
      JsonObject t = o.getAsJsonObject("target");
      host = string(t, "host") == null ? "127.0.0.1" : string(t, "host");
      port = integer(t, "port", "target.port");
      if (port == null || port < 1 || port > 65535) {
        throw bad("\"target.port\" must be a port number (1-65535).");
      }
    }
    if (service == null && port == null) {
      throw bad("The debug configuration needs \"service\" (e.g. \"vote\") or \"target\": {\"host\", \"port\"}.");
    }
    Integer seconds = integer(o, "timeout", "timeout");
    if (seconds != null && (seconds < 1 || seconds > 3600)) {
      throw bad("\"timeout\" must be between 1 and 3600 seconds.");
    }
    boolean justMyCode = !o.has("justMyCode") || !o.get("justMyCode").isJsonPrimitive() || o.get("justMyCode").getAsBoolean();
    JsonObject extra = new JsonObject();
    o.entrySet().stream().filter(e -> !OURS.contains(e.getKey())).forEach(e -> extra.add(e.getKey(), e.getValue().deepCopy()));
    return new AttachConfig(service, host, port, string(o, "localRoot"), string(o, "remoteRoot"), string(o, "runtime"),
        justMyCode, Duration.ofSeconds(seconds == null ? 30 : seconds), extra,
        o.has("local") && o.get("local").isJsonPrimitive() && o.get("local").getAsBoolean());
  }

  private static String string(JsonObject o, String key) {
    JsonElement v = o.get(key);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (!v.isJsonPrimitive() || v.getAsString().isBlank()) {
      throw bad("\"" + key + "\" must be a non-empty string.");
    }
    return v.getAsString();
  }

  private static Integer integer(JsonObject o, String key, String label) {
    JsonElement v = o.get(key);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    try {
      double d = v.getAsDouble();
      if (d != Math.rint(d)) {
        throw new NumberFormatException();
      }
      return (int) d;
    } catch (RuntimeException e) {
      throw bad("\"" + label + "\" must be a whole number.");
    }
  }

  private static HostK8sException bad(String message) {
    return HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, message,
        "Fix the launch configuration, e.g. {\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"vote\"}.");
  }
}
