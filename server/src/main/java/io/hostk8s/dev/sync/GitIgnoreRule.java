package io.hostk8s.dev.sync;

import io.hostk8s.dev.build.DockerIgnore;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ignore pattern with gitignore semantics, relative to a base directory: a pattern without a {@code /} (other
 * than a trailing one) matches a name at any depth ({@code *.pyc}, {@code __pycache__/}); one with a {@code /}
 * is anchored at the base ({@code /build}, {@code docs/*.md}); a trailing {@code /} matches directories only;
 * {@code !} re-includes; {@code \#}, {@code \!} escape. {@code *}, {@code ?} and {@code [..]} stay in one segment,
 * {@code **} spans segments.
 */
record GitIgnoreRule(String text, Pattern regex, boolean negated, boolean directoryOnly) {

  /** The rule for one line, or empty for blank lines and comments. */
  static Optional<GitIgnoreRule> parse(String line) {
    String p = line;
    while (p.endsWith(" ") && !p.endsWith("\\ ")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.startsWith("#")) {
      return Optional.empty();
    }
    boolean negated = p.startsWith("!");
    if (negated) {
      p = p.substring(1);
    } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
      p = p.substring(1);
    }
    boolean dirOnly = p.endsWith("/");
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return Optional.empty();
    }
    boolean anchored = p.contains("/");
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    String body = DockerIgnore.toRegex(p); // "^...$"
    String regex = anchored || p.startsWith("**") ? body : "^(?:.*/)?" + body.substring(1);
    return Optional.of(new GitIgnoreRule(line.strip(), Pattern.compile(regex), negated, dirOnly));
  }

  /** Does the rule match this base-relative path (itself, not its parents)? */
  boolean matches(String relativePath, boolean directory) {
    return (directory || !directoryOnly) && regex.matcher(relativePath).matches();
  }
}
