package io.hostk8s.dev.error;

import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;

/**
 * The one error type of the product: a code, a message for the user, suggestions to fix it (text) and fixes (commands a
 * client offers as buttons; {@link ErrorFixes} per code unless the raiser names its own).
 * {@code userError} marks problems the user can fix (logged at INFO, no stack trace).
 */
public final class HostK8sException extends RuntimeException {
  private final ErrorCode code;
  private final List<String> suggestions;
  private final boolean userError;
  private final List<Fix> fixes;

  public HostK8sException(ErrorCode code, String message, List<String> suggestions, boolean userError, Throwable cause) {
    this(code, message, suggestions, userError, cause, null);
  }

  /** With its own {@code fixes}; null: the code's ({@link ErrorFixes#of}). */
  public HostK8sException(ErrorCode code, String message, List<String> suggestions, boolean userError, Throwable cause,
      List<Fix> fixes) {
    super(message, cause);
    this.code = code;
    this.suggestions = List.copyOf(suggestions);
    this.userError = userError;
    this.fixes = fixes == null ? ErrorFixes.of(code) : List.copyOf(fixes);
  }

  /** The same error with these fixes instead. */
  public HostK8sException withFixes(List<Fix> replacement) {
    return new HostK8sException(code, getMessage(), suggestions, userError, getCause(), replacement);
  }

  /** A problem the user can fix, with one suggestion. */
  public static HostK8sException user(ErrorCode code, String message, String suggestion) {
    return new HostK8sException(code, message, suggestion == null ? List.of() : List.of(suggestion), true, null);
  }

  public static HostK8sException internal(String message, Throwable cause) {
    return new HostK8sException(ErrorCode.INTERNAL, message, List.of("Report this with the log: .hostk8s/server.log (the IDE's "
        + "server), .hostk8s/dev.log (`hostk8s-dev dev`), or the command's stderr with -v."), false, cause);
  }

  public ErrorCode code() {
    return code;
  }

  public List<String> suggestions() {
    return suggestions;
  }

  /** Commands that fix it, most direct first (buttons in an IDE). */
  public List<Fix> fixes() {
    return fixes;
  }

  public boolean userError() {
    return userError;
  }
}
