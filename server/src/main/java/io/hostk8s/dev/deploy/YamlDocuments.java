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

  /** The 1-based line inside the document that a parser error points at, when it says. */
  static Optional<Integer> lineOf(Throwable error) {
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

  /** The parser's complaint, first line only, without the source dump. */
  static String problem(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String first = m.lines().findFirst().orElse(m).strip();
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
  }
}
