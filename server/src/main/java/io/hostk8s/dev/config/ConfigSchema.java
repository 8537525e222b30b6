package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped JSON Schema of hostk8s.dev.yaml ({@value #RESOURCE}) and navigation over it for completion,
 * hover and "did you mean" suggestions. Paths are key segments; {@link #ITEM} steps into array items.
 */
public final class ConfigSchema {
  public static final String RESOURCE = "/schema/hostk8s.dev.schema.json";
  public static final String ITEM = "[]";
  private static final ConfigSchema INSTANCE = new ConfigSchema(load());

  private final JsonNode document;

  private ConfigSchema(JsonNode document) {
    this.document = document;
  }

  public static ConfigSchema get() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  /** The schema of the node at {@code path} (after $ref), if the schema describes that place. */
  public Optional<JsonNode> at(List<String> path) {
    JsonNode current = deref(document);
    for (String segment : path) {
      JsonNode next;
      if (ITEM.equals(segment)) {
        next = current.path("items");
      } else if (current.path("properties").has(segment)) {
        next = current.path("properties").path(segment);
      } else {
        next = current.path("additionalProperties");
      }
      if (!next.isObject()) {
        return Optional.empty();
      }
      current = deref(next);
    }
    return Optional.of(current);
  }

  /** Named properties of the object schema at {@code path}, in schema order. */
  public Map<String, JsonNode> properties(List<String> path) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    at(path).ifPresent(s -> s.path("properties").properties().forEach(e -> result.put(e.getKey(), deref(e.getValue()))));
    return result;
  }

  /** True when the object at {@code path} is a map with free keys (e.g. services, selector). */
  public boolean hasFreeKeys(List<String> path) {
    return at(path).map(s -> s.path("additionalProperties").isObject()).orElse(false);
  }

  public static String description(JsonNode schema) {
    return schema.path("description").asText("");
  }

  public static List<String> enumValues(JsonNode schema) {
    List<String> values = new ArrayList<>();
    schema.path("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  /** Splits a problem path such as {@code services.vote.sync[0].from} into schema segments. */
  public static List<String> segments(String dottedPath) {
    List<String> out = new ArrayList<>();
    if (dottedPath.isEmpty()) {
      return out;
    }
    for (String part : dottedPath.split("\\.")) {
      int bracket = part.indexOf('[');
      out.add(bracket < 0 ? part : part.substring(0, bracket));
      for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
        out.add(ITEM);
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  JsonNode deref(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
      return schema;
    }
    JsonNode target = document.at(ref.asText().substring(1));
    return target.isMissingNode() ? MissingNode.getInstance() : target;
  }

  private static JsonNode load() {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
