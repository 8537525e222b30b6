package io.hostk8s.dev.error;

import java.util.List;

/**
 * The one error type of the product: a code, a message for the user and suggestions to fix it.
 * {@code userError} marks problems the user can fix (logged at INFO, no stack trace).
 */
public final class HostK8sException extends RuntimeException {
  private final ErrorCode code;
  private final List<String> suggestions;
  private final boolean userError;

  public HostK8sException(ErrorCode code, String message, List<String> suggestions, boolean userError, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.suggestions = List.copyOf(suggestions);
    this.userError = userError;
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

  public boolean userError() {
    return userError;
  }
}
