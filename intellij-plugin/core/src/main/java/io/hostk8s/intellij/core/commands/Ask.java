package io.hostk8s.intellij.core.commands;

import io.hostk8s.dev.protocol.commands.ArgumentKind;
import java.util.List;

/** One question the plugin asks for a command argument (see {@link ArgumentPlan}). */
public sealed interface Ask {
  String name();

  String prompt();

  /** A list of {@code choices}; {@code optional} adds {@link ArgumentPlan#DEFAULT_ITEM} first. */
  record Pick(String name, String prompt, List<String> choices, boolean optional) implements Ask {}

  /** The file of the active editor. */
  record File(String name, String prompt, boolean optional) implements Ask {}

  /** A text field, checked and parsed by {@code kind}. */
  record Input(String name, String prompt, ArgumentKind kind, String example) implements Ask {}

  /** Yes / No. */
  record YesNo(String name, String prompt) implements Ask {}

  /** CONFIRM: run {@code preview} with the other answers, show its result in a modal; true only when accepted. */
  record Consent(String name, String prompt, String preview) implements Ask {}
}
