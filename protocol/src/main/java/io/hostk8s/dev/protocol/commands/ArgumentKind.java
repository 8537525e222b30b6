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
  INTEGER,
  NUMBER,
  STRING
}
