package io.hostk8s.dev.config;

/**
 * A problem found in hostk8s.dev.yaml. Lines and columns are 0-based (LSP style); -1 when unknown.
 * {@code path} is the YAML path of the offending node, e.g. "services.vote.debug.runtime".
 */
public record ConfigProblem(Severity severity, String message, String path, int line, int column, int endLine, int endColumn) {
  public enum Severity { ERROR, WARNING, INFO }
}
