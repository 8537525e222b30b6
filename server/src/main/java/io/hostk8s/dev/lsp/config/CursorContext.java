package io.hostk8s.dev.lsp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cursor is on, from the text alone: typing a key (with the mapping's path and the partial word) or a
 * value (with the key's full path). Understands block mappings, sequence items and one level of flow mapping
 * on the line ({@code debug: { runtime: | }}).
 */
record CursorContext(Kind kind, List<String> path, String partial, int line, int wordStart, int blockColumn, boolean flow,
    String lineText) {
  enum Kind { KEY, VALUE, NONE }

  private static final Pattern VALUE = Pattern.compile("^(\\s*(?:-\\s+)?)([\\w.\\-/]+)\\s*:\\s+([^\\s#]*)$");
  private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)([\\w.\\-]*)$");
  private static final Pattern FLOW_VALUE = Pattern.compile("([\\w.\\-]+)\\s*:\\s*([^\\s,{}]*)$");
  private static final Pattern FLOW_KEY = Pattern.compile("([\\w.\\-]*)$");

  static CursorContext at(YamlOutline outline, int line, int character) {
    String text = outline.line(line).text();
    String prefix = text.substring(0, Math.max(0, Math.min(character, text.length())));
    int brace = openBrace(prefix);
    if (brace >= 0) {
      return flow(outline, line, text, prefix, brace);
    }
    Matcher v = VALUE.matcher(prefix);
    if (v.matches()) {
      int keyColumn = v.group(1).length();
      List<String> path = new ArrayList<>(outline.parentPath(line, keyColumn));
      path.add(v.group(2));
      return new CursorContext(Kind.VALUE, path, v.group(3), line, prefix.length() - v.group(3).length(), keyColumn, false, text);
    }
    Matcher k = KEY.matcher(prefix);
    if (k.matches()) {
      int keyColumn = k.group(1).length();
      return new CursorContext(Kind.KEY, outline.parentPath(line, keyColumn), k.group(2), line, keyColumn, keyColumn, false, text);
    }
    return new CursorContext(Kind.NONE, List.of(), "", line, character, 0, false, text);
  }

  private static CursorContext flow(YamlOutline outline, int line, String text, String prefix, int brace) {
    YamlLine l = outline.line(line);
    List<String> base = new ArrayList<>(outline.parentPath(line, l.contentColumn()));
    if (l.key() == null || l.keyEnd() > brace) {
      return new CursorContext(Kind.NONE, List.of(), "", line, prefix.length(), 0, true, text);
    }
    base.add(l.key());
    int start = Math.max(prefix.lastIndexOf(','), brace) + 1;
    String segment = prefix.substring(start);
    Matcher v = FLOW_VALUE.matcher(segment);
    if (v.find() && v.start() == segment.length() - segment.stripLeading().length()) {
      base.add(v.group(1));
      return new CursorContext(Kind.VALUE, base, v.group(2), line, prefix.length() - v.group(2).length(), l.contentColumn(), true, text);
    }
    Matcher k = FLOW_KEY.matcher(segment);
    k.find();
    return new CursorContext(Kind.KEY, base, k.group(1), line, prefix.length() - k.group(1).length(), l.contentColumn(), true, text);
  }

  /** Index of the innermost '{' not closed before the end of {@code prefix}, ignoring quoted text; -1 if none. */
  static int openBrace(String prefix) {
    int depth = 0;
    int open = -1;
    char quote = 0;
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || prefix.charAt(i - 1) == ' ')) {
        return -1;
      } else if (c == '{') {
        depth++;
        open = i;
      } else if (c == '}') {
        depth--;
        open = depth > 0 ? open : -1;
      }
    }
    return depth > 0 ? open : -1;
  }
}
