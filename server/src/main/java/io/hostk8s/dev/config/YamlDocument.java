package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed hostk8s.dev.yaml: its tree (a {@link NullNode} when empty or unparseable), the source range of
 * every key and value by YAML path, and the syntax error if the text is not valid YAML.
 */
public record YamlDocument(JsonNode root, Map<String, Span> keySpans, Map<String, Span> valueSpans,
    Optional<ConfigProblem> syntaxError, List<ConfigProblem> warnings) {

  public YamlDocument {
    keySpans = Map.copyOf(keySpans);
    valueSpans = Map.copyOf(valueSpans);
    warnings = List.copyOf(warnings);
  }

  public static YamlDocument parse(String text) {
    return new YamlTreeBuilder().build(text == null ? "" : text);
  }

  public Span keySpan(String path) {
    return keySpans.getOrDefault(path, Span.UNKNOWN);
  }

  public Span valueSpan(String path) {
    return valueSpans.getOrDefault(path, Span.UNKNOWN);
  }

  /**
   * Where to report a problem about {@code path}: the scalar value if it is one on a single line, otherwise the
   * key, otherwise the nearest ancestor that has a position, otherwise the start of the file.
   */
  public Span spanFor(String path) {
    String p = path;
    while (true) {
      Span value = valueSpan(p);
      if (value.known() && value.line() == value.endLine() && isScalar(p)) {
        return value;
      }
      Span key = keySpan(p);
      if (key.known()) {
        return key;
      }
      if (value.known()) {
        return new Span(value.line(), value.column(), value.line(), value.column() + 1);
      }
      if (p.isEmpty()) {
        return new Span(0, 0, 0, 0);
      }
      p = YamlPaths.parent(p);
    }
  }

  private boolean isScalar(String path) {
    JsonNode node = root.at(toPointer(path));
    return node.isValueNode() && !node.isNull();
  }

  /** JSON pointer for a dotted path; keys containing '.' are not addressable this way (fine for positions). */
  static String toPointer(String path) {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
      sb.append('/').append(part.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }
}
