package io.hostk8s.dev.lsp.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of YAML seen as text, for editing features that must work on half-typed files: indentation,
 * a leading sequence dash, and a block-mapping key if the line has one.
 */
record YamlLine(String text, boolean blank, boolean dash, int dashColumn, int contentColumn, String key, int keyEnd) {
  private static final Pattern KEY = Pattern.compile("([\"']?)([^\\s:#\"'{}\\[\\],&*!|>%@`][^:#{}\\[\\]]*?)\\1\\s*:(?=\\s|$)");

  static YamlLine of(String text) {
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    String rest = text.substring(indent);
    if (rest.isEmpty() || rest.startsWith("#")) {
      return new YamlLine(text, true, false, -1, indent, null, -1);
    }
    boolean dash = rest.equals("-") || rest.startsWith("- ");
    int content = indent;
    if (dash) {
      content = indent + 1;
      while (content < text.length() && text.charAt(content) == ' ') {
        content++;
      }
    }
    Matcher m = KEY.matcher(text);
    m.region(content, text.length());
    if (m.lookingAt()) {
      return new YamlLine(text, false, dash, dash ? indent : -1, content, m.group(2).strip(), m.end());
    }
    return new YamlLine(text, false, dash, dash ? indent : -1, content, null, -1);
  }

  /** The column that decides nesting: the dash for an item line, else the content. */
  int structuralColumn() {
    return dash ? dashColumn : contentColumn;
  }
}
