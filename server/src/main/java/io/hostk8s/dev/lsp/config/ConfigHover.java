package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.config.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Hover on a key of hostk8s.dev.yaml shows its schema description (markdown). On a value, the hover is the
 * one of the value's key. Keys inside a one-line flow mapping ({@code debug: { runtime: java }}) work too.
 */
final class ConfigHover {
  private static final Pattern FLOW_KEY = Pattern.compile("([\\w.\\-]+)\\s*:");
  private final ConfigSchema schema = ConfigSchema.get();

  Optional<Hover> hover(String text, Position pos) {
    YamlOutline outline = new YamlOutline(text);
    YamlLine line = outline.line(pos.getLine());
    if (line.blank() || line.key() == null) {
      return Optional.empty();
    }
    int character = pos.getCharacter();
    int keyStart = line.contentColumn();
    int keyEnd = keyStart + line.key().length();
    List<String> path = new ArrayList<>(outline.keyPath(pos.getLine()));
    String key = line.key();
    int start = keyStart;
    int end = keyEnd;
    int brace = line.text().indexOf('{', line.keyEnd());
    if (brace >= 0 && character > brace) {
      Matcher m = FLOW_KEY.matcher(line.text());
      m.region(brace, line.text().length());
      while (m.find()) {
        if (m.start(1) <= character && line.text().substring(m.start(1), character).indexOf(',') < 0) {
          key = m.group(1);
          start = m.start(1);
          end = m.end(1);
        }
      }
      if (start != keyStart) {
        path.add(key);
      }
    } else if (character < keyStart) {
      return Optional.empty();
    }
    String label = key;
    Range range = new Range(new Position(pos.getLine(), start), new Position(pos.getLine(), end));
    return schema.at(path).map(s -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, SchemaDocs.markdown(label, s)), range));
  }
}
