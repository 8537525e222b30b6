package io.hostk8s.dev.config;

/** A 0-based range in the config text (LSP style); {@link #UNKNOWN} when there is no position. */
public record Span(int line, int column, int endLine, int endColumn) {
  public static final Span UNKNOWN = new Span(-1, -1, -1, -1);

  public boolean known() {
    return line >= 0;
  }
}
