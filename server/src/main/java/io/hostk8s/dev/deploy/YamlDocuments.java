package io.hostk8s.dev.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a multi-document YAML text on {@code ---} lines, keeping each document's first line number. */
final class YamlDocuments {
  private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
  private static final Pattern LINE = Pattern.compile("line:? (\\d+)");

  record Doc(String text, int firstLine) {
    boolean blank() {
      return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("..."));
    }
  }

  private YamlDocuments() {}

  static List<Doc> split(String text) {
    List<Doc> docs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 1;
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (SEPARATOR.matcher(line).matches()) {
        docs.add(new Doc(current.toString(), start));
        current.setLength(0);
        start = lineNo + 1;
      } else {
        current.append(line).append('\n');
      }
    }
    docs.add(new Doc(current.toString(), start));
    return docs;
  }

  /**
   * The 1-based line inside {@code docText} that a parser error points at: the YAML parser's mark, or for a
   * type mismatch (which has no location) the first line declaring the offending field.
   */
  static Optional<Integer> lineOf(Throwable error, String docText) {
    Optional<String> field = fieldPath(error).map(p -> p.replaceAll("\\[\\d+]$", "")).map(p -> p.substring(p.lastIndexOf('.') + 1));
    if (field.isPresent() && !field.get().isEmpty()) {
      Pattern key = Pattern.compile("^\\s*(- )?\"?" + Pattern.quote(field.get()) + "\"?\\s*:");
      String[] lines = docText.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (key.matcher(lines[i]).find()) {
          return Optional.of(i + 1);
        }
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
        return Optional.of(j.getLocation().getLineNr());
      }
      Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  /** The parser's complaint without the source excerpt; for a type mismatch prefixed with the field path. */
  static String problem(Throwable error) {
    Optional<String> field = fieldPath(error);
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage() : t.getMessage();
    m = m == null ? t.getClass().getSimpleName() : m;
    String text = m.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .collect(java.util.stream.Collectors.joining("; "));
    text = field.map(f -> f + ": ").orElse("") + text;
    return text.length() > 240 ? text.substring(0, 240) + "…" : text;
  }

  /** {@code spec.template.spec.containers[0].image} for a data-binding error, when Jackson knows the path. */
  static Optional<String> fieldPath(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof tools.jackson.databind.DatabindException d && d.getPath() != null && !d.getPath().isEmpty()) {
        StringBuilder sb = new StringBuilder();
        for (var ref : d.getPath()) {
          if (ref.getPropertyName() != null) {
            sb.append(sb.length() == 0 ? "" : ".").append(ref.getPropertyName());
          } else if (ref.getIndex() >= 0) {
            sb.append('[').append(ref.getIndex()).append(']');
          }
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
      }
    }
    return Optional.empty();
  }
}
