package io.hostk8s.dev.config;

import io.hostk8s.dev.error.ErrorCode;
import java.util.List;

/**
 * A problem found in hostk8s.dev.yaml. Lines and columns are 0-based (LSP style); -1 when unknown.
 * {@code path} is the YAML path of the offending node, e.g. "services.vote.debug.runtime".
 * {@code code} is the stable error code (11xx) shown with the problem. {@code fixes}: texts that replace the
 * problem's span to fix it, best first (e.g. the key a "did you mean" names); empty when the fix is not known.
 */
public record ConfigProblem(Severity severity, String message, String path, int line, int column, int endLine, int endColumn,
    ErrorCode code, List<String> fixes) {
  public enum Severity { ERROR, WARNING, INFO }

  public ConfigProblem {
    code = code == null ? ErrorCode.CONFIG_INVALID : code;
    fixes = fixes == null ? List.of() : List.copyOf(fixes);
  }

  public ConfigProblem(Severity severity, String message, String path, int line, int column, int endLine, int endColumn,
      ErrorCode code) {
    this(severity, message, path, line, column, endLine, endColumn, code, List.of());
  }

  /** This problem with replacements for its span that fix it. */
  public ConfigProblem withFixes(List<String> replacements) {
    return new ConfigProblem(severity, message, path, line, column, endLine, endColumn, code, replacements);
  }

  /** A problem with the generic code {@link ErrorCode#CONFIG_INVALID}. */
  public ConfigProblem(Severity severity, String message, String path, int line, int column, int endLine, int endColumn) {
    this(severity, message, path, line, column, endLine, endColumn, ErrorCode.CONFIG_INVALID);
  }

  /** A problem located at {@code span} (may be {@link Span#UNKNOWN}). */
  public static ConfigProblem at(Severity severity, ErrorCode code, String path, Span span, String message) {
    return new ConfigProblem(severity, message, path, span.line(), span.column(), span.endLine(), span.endColumn(), code);
  }

  public boolean hasPosition() {
    return line >= 0;
  }
}
