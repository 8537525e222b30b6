package io.hostk8s.dev.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The .dockerignore rules of a build context, with Docker's semantics: patterns are relative to the context root
 * (leading {@code /} and trailing {@code /} dropped, paths cleaned), {@code *} and {@code ?} stay inside one path
 * segment, {@code **} spans any number of segments, a pattern also excludes everything below a directory it matches,
 * {@code !} re-includes, and the last matching pattern wins. Lines starting with {@code #} are comments.
 */
public final class DockerIgnore {
  private record Rule(Pattern regex, boolean exception, int line, String text) {}

  /** The rule that decided a path: its 1-based line in .dockerignore, its text as written, and whether it is a {@code !}. */
  public record Match(int line, String pattern, boolean exception) {}

  private final List<Rule> rules;
  private final boolean hasExceptions;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.hasExceptions = rules.stream().anyMatch(Rule::exception);
  }

  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** The rules of {@code <context>/.dockerignore}, or none when the file does not exist. */
  public static DockerIgnore load(Path context) throws IOException {
    Path file = context.resolve(".dockerignore");
    return Files.isRegularFile(file) ? parse(Files.readAllLines(file, StandardCharsets.UTF_8)) : none();
  }

  public static DockerIgnore parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exception = line.startsWith("!");
      if (exception) {
        line = line.substring(1).strip();
      }
      String cleaned = clean(line);
      if (!cleaned.isEmpty()) {
        rules.add(new Rule(Pattern.compile(toRegex(cleaned)), exception, number, raw.strip()));
      }
    }
    return new DockerIgnore(rules);
  }

  /** True when some rule is an exception ({@code !}): excluded directories may then hold included files. */
  public boolean hasExceptions() {
    return hasExceptions;
  }

  /** Is this context-relative path ({@code /}-separated) excluded from the build context? */
  public boolean excludes(String relativePath) {
    return decide(relativePath).map(m -> !m.exception()).orElse(false);
  }

  /**
   * The last rule matching this context-relative path (or one of its parent directories), which is the one that
   * decides: an exclusion, or a {@code !} exception re-including it. Empty when no rule matches (included).
   */
  public java.util.Optional<Match> decide(String relativePath) {
    String[] parts = relativePath.split("/");
    for (int r = rules.size() - 1; r >= 0; r--) {
      Rule rule = rules.get(r);
      boolean match = rule.regex().matcher(relativePath).matches();
      StringBuilder parent = new StringBuilder();
      for (int i = 0; !match && i < parts.length - 1; i++) {
        parent.append(i == 0 ? "" : "/").append(parts[i]);
        match = rule.regex().matcher(parent).matches();
      }
      if (match) {
        return java.util.Optional.of(new Match(rule.line(), rule.text(), rule.exception()));
      }
    }
    return java.util.Optional.empty();
  }

  /** Like Go's filepath.Clean for relative paths, then without a leading slash. */
  public static String clean(String path) {
    Deque<String> out = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        out.pollLast();
      } else {
        out.addLast(part);
      }
    }
    return String.join("/", out);
  }

  /**
   * A glob (Docker/gitignore flavour: {@code *}, {@code ?}, {@code [..]} inside one segment, {@code **} across
   * segments) as an anchored regular expression; also used by the sync ignore model.
   */
  public static String toRegex(String pattern) {
    StringBuilder re = new StringBuilder("^");
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < n && pattern.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < n && pattern.charAt(i + 1) == '/') {
          i++;
        }
        re.append(i + 1 >= n ? ".*" : "(.*/)?");
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 1);
        if (end < 0) {
          re.append("\\[");
        } else {
          String body = pattern.substring(i + 1, end);
          re.append('[').append(body.startsWith("^") ? "^" + quoteClass(body.substring(1)) : quoteClass(body)).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.append('$').toString();
  }

  private static String quoteClass(String body) {
    return body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
  }
}
