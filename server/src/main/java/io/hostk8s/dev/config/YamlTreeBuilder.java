package io.hostk8s.dev.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds a {@link YamlDocument} from the YAML token stream, recording each token's location. Never throws. */
final class YamlTreeBuilder {
  private static final Logger LOG = Logger.getLogger(YamlTreeBuilder.class.getName());
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Span> keys = new HashMap<>();
  private final Map<String, Span> values = new HashMap<>();
  private final List<ConfigProblem> warnings = new ArrayList<>();

  YamlDocument build(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NullNode.getInstance() : read(parser, "");
      if (first != null && parser.nextToken() != null) {
        Span at = span(parser.currentTokenLocation(), parser.currentTokenLocation());
        warnings.add(ConfigProblem.at(Severity.WARNING, ErrorCode.CONFIG_INVALID, "", at,
            "Only the first YAML document is used; the rest of the file is ignored"));
      }
      return new YamlDocument(root, keys, values, Optional.empty(), warnings);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        return failed(syntaxProblem(mark.getLine(), mark.getColumn(), marked.getProblem() + context));
      }
      return failed(syntaxProblem(e.getLocation(), e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "YAML parser failed", e);
      return failed(syntaxProblem(null, String.valueOf(e.getMessage())));
    }
  }

  private YamlDocument failed(ConfigProblem problem) {
    return new YamlDocument(NullNode.getInstance(), keys, values, Optional.of(problem), List.of());
  }

  private JsonNode read(JsonParser p, String path) throws IOException {
    JsonToken token = p.currentToken();
    JsonLocation start = p.currentTokenLocation();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      for (JsonToken t = next(p); t == JsonToken.FIELD_NAME; t = next(p)) {
        String name = p.currentName();
        String childPath = YamlPaths.child(path, name);
        Span keySpan = span(p.currentTokenLocation(), p.currentLocation());
        if (object.has(name)) {
          warnings.add(ConfigProblem.at(Severity.WARNING, ErrorCode.CONFIG_DUPLICATE_KEY, childPath, keySpan,
              "Duplicate key '" + name + "': the last one wins"));
        }
        keys.put(childPath, keySpan);
        next(p);
        object.set(name, read(p, childPath));
      }
      values.put(path, span(start, p.currentLocation()));
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
        array.add(read(p, YamlPaths.index(path, i++)));
      }
      values.put(path, span(start, p.currentLocation()));
      return array;
    }
    values.put(path, span(start, p.currentLocation()));
    return scalar(p, token);
  }

  private static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new IOException("unexpected end of YAML");
    }
    return t;
  }

  private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.INT ? NODES.numberNode(p.getIntValue())
            : p.getNumberType() == JsonParser.NumberType.LONG ? NODES.numberNode(p.getLongValue()) : NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return NODES.textNode(p.getText());
    }
  }

  private static Span span(JsonLocation start, JsonLocation end) {
    if (start == null || start.getLineNr() < 1) {
      return Span.UNKNOWN;
    }
    int line = start.getLineNr() - 1;
    int column = Math.max(0, start.getColumnNr() - 1);
    if (end == null || end.getLineNr() < 1) {
      return new Span(line, column, line, column);
    }
    return new Span(line, column, end.getLineNr() - 1, Math.max(0, end.getColumnNr() - 1));
  }

  private static ConfigProblem syntaxProblem(JsonLocation at, String rawMessage) {
    int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr() - 1;
    int column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr() - 1;
    return syntaxProblem(line, column, rawMessage);
  }

  private static ConfigProblem syntaxProblem(int line, int column, String rawMessage) {
    String message = "Invalid YAML: " + firstLine(rawMessage);
    return new ConfigProblem(Severity.ERROR, message, "", line, column, line, column + 1, ErrorCode.CONFIG_YAML_SYNTAX);
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "cannot parse";
    }
    for (String l : message.split("\\R")) {
      String s = l.strip();
      if (!s.isEmpty() && !s.startsWith("in 'reader'") && !s.startsWith("in '")) {
        return s;
      }
    }
    return message.strip();
  }
}
