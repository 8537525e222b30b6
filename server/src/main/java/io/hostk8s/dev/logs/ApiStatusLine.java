package io.hostk8s.dev.logs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import java.util.Optional;

/**
 * The API server's error answer to a log request — a {@code Status} object such as {@code {"kind":"Status",
 * "status":"Failure","message":"… has no running container","reason":"NotFound","code":404}} — which fabric8's
 * log watch hands over as if it were the log's first line. Recognised so it is never printed as a log line.
 */
final class ApiStatusLine {
  private ApiStatusLine() {}

  /** "404 NotFound: pod … has no running container" when {@code line} is such an answer; empty for a log line. */
  static Optional<String> error(String line) {
    String t = line.strip();
    if (!t.startsWith("{") || !t.contains("\"Status\"")) {
      return Optional.empty();
    }
    try {
      JsonElement e = JsonParser.parseString(t);
      if (!e.isJsonObject() || !"Status".equals(str(e.getAsJsonObject(), "kind"))) {
        return Optional.empty();
      }
      JsonObject o = e.getAsJsonObject();
      String code = str(o, "code");
      String reason = str(o, "reason");
      String head = (code == null ? "" : code) + (reason == null ? "" : (code == null ? "" : " ") + reason);
      String message = str(o, "message");
      return Optional.of((head.isEmpty() ? "" : head + ": ") + (message == null ? "failure" : message));
    } catch (JsonParseException | IllegalStateException ex) {
      return Optional.empty();
    }
  }

  private static String str(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
  }
}
