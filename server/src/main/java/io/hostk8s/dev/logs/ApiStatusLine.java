package io.hostk8s.dev.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Status;
import java.util.Optional;

/**
 * The API server's error answer to a log request — a {@code Status} object such as {@code {"kind":"Status",
 * "status":"Failure","message":"… has no running container","reason":"NotFound","code":404}} — which fabric8's
 * log watch hands over as if it were the log's first line. Recognised so it is never printed as a log line.
 */
final class ApiStatusLine {
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ApiStatusLine() {}

  /** "404 NotFound: pod … has no running container" when {@code line} is such an answer; empty for a log line. */
  static Optional<String> error(String line) {
    String t = line.strip();
    if (!t.startsWith("{") || !t.contains("\"Status\"")) {
      return Optional.empty();
    }
    Status s;
    try {
      JsonNode tree = JSON.readTree(t);
      if (tree == null || !tree.isObject() || !"Status".equals(tree.path("kind").asText())) {
        return Optional.empty(); // the model defaults kind to "Status": look at what was sent
      }
      s = JSON.treeToValue(tree, Status.class);
    } catch (JsonProcessingException | IllegalArgumentException ex) {
      return Optional.empty();
    }
    String code = s.getCode() == null ? null : String.valueOf(s.getCode());
    String reason = blankToNull(s.getReason());
    String head = (code == null ? "" : code) + (reason == null ? "" : (code == null ? "" : " ") + reason);
    String message = blankToNull(s.getMessage());
    return Optional.of((head.isEmpty() ? "" : head + ": ") + (message == null ? "failure" : message));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
