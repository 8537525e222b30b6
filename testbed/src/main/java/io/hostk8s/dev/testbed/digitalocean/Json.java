package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The stand-in's one JSON mapper and small helpers for building DigitalOcean-shaped objects. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static ArrayNode array(Collection<? extends JsonNode> values) {
    ArrayNode a = MAPPER.createArrayNode();
    a.addAll(values);
    return a;
  }

  /** {@code {"<key>": value}}, the envelope of one object. */
  static ObjectNode wrap(String key, JsonNode value) {
    ObjectNode o = object();
    o.set(key, value);
    return o;
  }

  /** DigitalOcean's timestamp form: UTC, whole seconds, {@code Z}. */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A text field, or {@code fallback} when absent or null. */
  static String text(JsonNode body, String field, String fallback) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  /** A required text field: 422 when absent or blank. */
  static String requiredText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
      throw ApiException.unprocessable("validation error: " + field + " is required");
    }
    return n.asText();
  }

  static List<String> textList(JsonNode body, String field) {
    List<String> out = new ArrayList<>();
    JsonNode n = body.get(field);
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }
}
