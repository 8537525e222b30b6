package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates a parsed config against the shipped JSON Schema and maps each error to a positioned problem. */
public final class SchemaCheck {
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
      .getSchema(ConfigSchema.get().document(), SchemaValidatorsConfig.builder().build());

  private SchemaCheck() {}

  public static List<ConfigProblem> validate(YamlDocument doc) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (doc.root().isNull() || doc.root().isMissingNode()) {
      return problems;
    }
    Set<ValidationMessage> messages = SCHEMA.validate(doc.root());
    for (ValidationMessage m : messages) {
      problems.add(toProblem(doc, m));
    }
    return problems;
  }

  private static ConfigProblem toProblem(YamlDocument doc, ValidationMessage m) {
    String path = dotted(m.getInstanceLocation());
    String type = String.valueOf(m.getType());
    if ("additionalProperties".equals(type) && m.getProperty() != null) {
      return unknownKey(doc, path, m.getProperty());
    }
    if ("enum".equals(type) && path.endsWith("debug.runtime")) {
      String value = doc.root().at(YamlDocument.toPointer(path)).asText();
      return ConfigProblem.at(Severity.ERROR, ErrorCode.CONFIG_UNKNOWN_RUNTIME, path, doc.spanFor(path),
          "Unknown debug runtime '" + value + "': expected one of python, java, node").withFixes(List.of("python", "java", "node"));
    }
    String where = path.isEmpty() ? "" : path + ": ";
    Span span = doc.spanFor(path);
    if ("propertyNames".equals(type) && m.getProperty() != null && doc.keySpan(YamlPaths.child(path, m.getProperty())).known()) {
      span = doc.keySpan(YamlPaths.child(path, m.getProperty()));
    }
    return ConfigProblem.at(Severity.ERROR, ErrorCode.CONFIG_INVALID, path, span, where + stripLocation(m.getMessage()));
  }

  private static ConfigProblem unknownKey(YamlDocument doc, String parent, String key) {
    String path = YamlPaths.child(parent, key);
    List<String> valid = new ArrayList<>(ConfigSchema.get().properties(ConfigSchema.segments(parent)).keySet());
    String where = parent.isEmpty() ? "at the top level" : "in " + parent;
    String hint = KeySuggester.nearest(key, valid).map(s -> "; did you mean '" + s + "'?")
        .orElse(valid.isEmpty() ? "" : "; valid keys: " + String.join(", ", valid));
    boolean onKey = doc.keySpan(path).known();
    Span span = onKey ? doc.keySpan(path) : doc.spanFor(parent);
    List<String> fixes = onKey ? KeySuggester.nearest(key, valid).map(List::of).orElse(List.of()) : List.of();
    return ConfigProblem.at(Severity.WARNING, ErrorCode.CONFIG_UNKNOWN_KEY, path, span, "Unknown key '" + key + "' " + where + hint)
        .withFixes(fixes);
  }

  static String dotted(JsonNodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? YamlPaths.index(path, index) : YamlPaths.child(path, String.valueOf(element));
    }
    return path;
  }

  private static String stripLocation(String message) {
    if (message != null && (message.startsWith("$") || message.startsWith("/"))) {
      int colon = message.indexOf(": ");
      if (colon > 0) {
        return message.substring(colon + 2);
      }
    }
    return String.valueOf(message);
  }
}
