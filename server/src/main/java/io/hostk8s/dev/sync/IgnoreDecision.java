package io.hostk8s.dev.sync;

/**
 * Why a path is (not) synced: {@code ignored}, and the rule that decided — its {@code source} ("built-in", the
 * .dockerignore file, or the config key such as {@code services.vote.sync[0].ignore}), 1-based {@code line} (or
 * item index in the source) and {@code pattern} as written. A path no rule matches is synced ({@code source} null).
 */
public record IgnoreDecision(boolean ignored, String source, Integer line, String pattern, String via) {
  static final IgnoreDecision NO_RULE = new IgnoreDecision(false, null, null, null, null);

  /** One line for people: {@code ignored by voting-app/vote/.dockerignore:1 "__pycache__/"}. */
  public String describe() {
    if (source == null) {
      return "no ignore rule matches";
    }
    String where = source + (line == null ? "" : ":" + line) + " \"" + pattern + "\"";
    return (ignored ? "ignored by " : "re-included by ") + where + (via == null ? "" : " (" + via + ")");
  }
}
