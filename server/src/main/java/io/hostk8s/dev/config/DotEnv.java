package io.hostk8s.dev.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a HostK8s {@code .env} the way HostK8s's own scripts do: one KEY=VALUE per line; blank lines, lines
 * starting with '#' and lines without '=' skipped; everything after the first '#' in the value dropped (even
 * inside quotes); surrounding whitespace, then any leading/trailing quote characters, stripped. No
 * {@code export}, no escapes, no variable expansion. When a key repeats, the first one wins (the scripts only
 * set a variable that is not yet in the environment).
 */
public final class DotEnv {
  public static final String FILE_NAME = ".env";

  private DotEnv() {}

  /** The variables of {@code file}; empty if it does not exist. */
  public static Map<String, String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static Map<String, String> parse(List<String> lines) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.indexOf('=') < 0) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1);
      int hash = value.indexOf('#');
      if (hash >= 0) {
        value = value.substring(0, hash);
      }
      if (!key.isEmpty()) {
        vars.putIfAbsent(key, stripQuotes(value.strip()));
      }
    }
    return Collections.unmodifiableMap(vars);
  }

  private static String stripQuotes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isQuote(value.charAt(start))) {
      start++;
    }
    while (end > start && isQuote(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }
}
