package io.hostk8s.intellij.core.commands;

import java.util.List;
import java.util.Optional;

/**
 * What the argument flow needs from the IDE. {@link ArgumentFlow} calls it from a background thread: the plugin shows
 * its dialogs on the EDT and waits for them there, and runs the preview command off the EDT.
 */
public interface Prompter {
  /** One answer: empty when the person cancelled; {@code Optional.of(NONE)} leaves the argument out. */
  Optional<Object> answer(Ask ask, String title);

  /** Runs a server command (the preview) and returns its result; throws when it failed or was cancelled. */
  Object preview(String command, List<Object> args, String title) throws Exception;

  /** Shows the consent modal; true only when the person accepted. */
  boolean consent(ConsentDialog dialog);

  /** A failed preview, shown once like any failed command. */
  void failed(String title, Throwable error);

  /** An answer that leaves the argument to the server's default. */
  Object NONE = new Object() {
    @Override
    public String toString() {
      return "(default)";
    }
  };
}
