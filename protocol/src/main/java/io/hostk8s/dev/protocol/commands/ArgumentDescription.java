package io.hostk8s.dev.protocol.commands;

import java.util.List;

/**
 * One argument of a command, as a client asks for it: named field {@code name} of the one argument object.
 * {@code preview}: for {@link ArgumentKind#CONFIRM}, the command whose result the client shows before asking.
 */
public record ArgumentDescription(String name, ArgumentKind kind, String prompt, boolean required, List<String> choices,
    String example, String preview) {
  public ArgumentDescription(String name, ArgumentKind kind, String prompt, boolean required, List<String> choices,
      String example) {
    this(name, kind, prompt, required, choices, example, null);
  }

  public ArgumentDescription {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public ArgumentDescription withChoices(List<String> c) {
    return new ArgumentDescription(name, kind, prompt, required, c, example, preview);
  }
}
