package io.hostk8s.dev.lsp.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostk8s.dev.config.ConfigSchema;
import java.util.List;
import java.util.stream.Collectors;

/** Markdown rendering of a schema node: description, type, default, allowed values, example. */
final class SchemaDocs {
  private SchemaDocs() {}

  static String markdown(String key, JsonNode schema) {
    StringBuilder md = new StringBuilder("**").append(key).append("**");
    String type = type(schema);
    if (!type.isEmpty()) {
      md.append(" (").append(type).append(')');
    }
    String description = ConfigSchema.description(schema);
    if (!description.isEmpty()) {
      md.append("\n\n").append(description);
    }
    List<String> values = ConfigSchema.enumValues(schema);
    if (!values.isEmpty()) {
      md.append("\n\nAllowed: ").append(values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(" | ")));
    }
    if (schema.has("default")) {
      md.append("\n\nDefault: `").append(render(schema.get("default"))).append('`');
    }
    JsonNode examples = schema.path("examples");
    if (examples.isArray() && !examples.isEmpty() && examples.get(0).isValueNode()) {
      md.append("\n\nExample: `").append(render(examples.get(0))).append('`');
    }
    return md.toString();
  }

  static String type(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      StringBuilder sb = new StringBuilder();
      t.forEach(x -> sb.append(sb.length() == 0 ? "" : " | ").append(x.asText()));
      return sb.toString();
    }
    return t.asText("");
  }

  static boolean isContainer(JsonNode schema) {
    String type = type(schema);
    return type.startsWith("object") || type.startsWith("array");
  }

  private static String render(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
