package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.DebugException;
import io.hostk8s.dev.error.ErrorCode;
import java.util.Map;

/**
 * What the Java back end does not do, and the message the user gets instead. java-debug needs a Java expression
 * compiler (JDT in the Eclipse plug-in) for evaluate, completions, breakpoint conditions and logpoints, and a
 * build integration for hot code replace; we ship neither.
 */
final class Unsupported {
  static final int CODE = ErrorCode.DEBUG_JAVA_UNSUPPORTED.code();
  static final String EVALUATE = "Evaluating expressions is not supported for Java services: read values in the Variables view"
      + " (expand objects there), or log them from the code.";
  static final String CONDITIONS = "Conditional breakpoints and logpoints are not supported for Java services: the breakpoint stops"
      + " every time (a logpoint does nothing).";
  static final String HOT_CODE_REPLACE = "Hot code replace is not supported for Java services: rebuild and redeploy the service"
      + " (hostk8s.up) to run changed code.";
  static final String FUNCTION_BREAKPOINTS = "Function breakpoints are not supported for Java services: set a line breakpoint"
      + " in the method instead.";
  static final String COMPLETIONS = "Completions in the debug console are not supported for Java services.";

  /** DAP requests answered with an error before they reach java-debug. */
  static final Map<String, String> REQUESTS = Map.of(
      "evaluate", EVALUATE,
      "completions", COMPLETIONS,
      "redefineClasses", HOT_CODE_REPLACE);

  private Unsupported() {}

  static DebugException exception(String message) {
    return new DebugException(message + " [" + CODE + "]", CODE, true);
  }
}
