package io.hostk8s.dev.protocol.commands;

/** What a command argument is, so a client knows how to ask for it. */
public enum ArgumentKind {
  /** A service of the current hostk8s.dev.yaml; the description lists them as choices. */
  SERVICE,
  /** A service of the current hostk8s.dev.yaml that has a debugger (a {@code debug} entry); listed as choices. */
  DEBUG_SERVICE,
  /** A file of the workspace; a client passes the active editor's file. */
  FILE,
  /** One of the listed choices. */
  CHOICE,
  BOOLEAN,
  /**
   * A consent (boolean): the client runs the argument's {@code preview} command with the other arguments, shows its
   * result (summary and lines) in a modal dialog, and sets this argument to true only when the person accepts; a
   * refusal cancels the command. The CLI asks on a terminal, or takes a flag ({@code --yes}).
   */
  CONFIRM,
  INTEGER,
  NUMBER,
  STRING
}
