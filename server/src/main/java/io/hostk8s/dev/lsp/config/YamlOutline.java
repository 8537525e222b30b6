package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.config.ConfigSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Indentation-based view of a YAML text that tolerates syntax errors: which mapping a column of a line
 * belongs to (as schema path segments, {@link ConfigSchema#ITEM} for sequence items) and which keys it has.
 */
final class YamlOutline {
  private final List<YamlLine> lines = new ArrayList<>();

  YamlOutline(String text) {
    for (String l : (text == null ? "" : text).split("\r?\n", -1)) {
      lines.add(YamlLine.of(l));
    }
  }

  int size() {
    return lines.size();
  }

  YamlLine line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : YamlLine.of("");
  }

  /** The path of the mapping that holds a key written at {@code column} on line {@code index}. */
  List<String> parentPath(int index, int column) {
    Deque<String> path = new ArrayDeque<>();
    int cur = column;
    boolean allowEqual = false;
    YamlLine own = line(index);
    if (own.dash() && own.dashColumn() < column) {
      path.push(ConfigSchema.ITEM);
      cur = own.dashColumn();
      allowEqual = true;
    }
    for (int i = index - 1; i >= 0 && (cur > 0 || allowEqual); i--) {
      YamlLine l = lines.get(i);
      if (l.blank()) {
        continue;
      }
      if (l.dash()) {
        if (l.dashColumn() < cur) {
          if (l.key() != null && l.contentColumn() < cur) {
            path.push(l.key());
          }
          path.push(ConfigSchema.ITEM);
          cur = l.dashColumn();
          allowEqual = true;
        }
      } else if (l.key() != null && (l.contentColumn() < cur || allowEqual && l.contentColumn() == cur)) {
        path.push(l.key());
        cur = l.contentColumn();
        allowEqual = false;
      }
    }
    return new ArrayList<>(path);
  }

  /** The path of the key on line {@code index} (its parent path plus the key), or empty if the line has none. */
  List<String> keyPath(int index) {
    YamlLine l = line(index);
    if (l.key() == null) {
      return List.of();
    }
    List<String> path = parentPath(index, l.contentColumn());
    path.add(l.key());
    return path;
  }

  /** Keys already written in the block mapping that a key at {@code column} on line {@code index} belongs to. */
  Set<String> siblingKeys(int index, int column) {
    Set<String> keys = new LinkedHashSet<>();
    for (int i = index; i >= 0; i--) {
      YamlLine l = line(i);
      if (i != index && !collect(l, column, keys)) {
        break;
      }
    }
    for (int i = index + 1; i < lines.size(); i++) {
      YamlLine l = line(i);
      if (l.dash() && l.dashColumn() < column || !collect(l, column, keys)) {
        break;
      }
    }
    return keys;
  }

  /** Adds the line's key if it is at {@code column}; false when the line closes the block. */
  private static boolean collect(YamlLine l, int column, Set<String> keys) {
    if (l.blank() || l.dash() && l.dashColumn() >= column) {
      return true;
    }
    if (l.key() != null && l.contentColumn() == column) {
      keys.add(l.key());
      return !(l.dash() && l.dashColumn() < column);
    }
    return l.structuralColumn() > column;
  }
}
