package io.hostk8s.intellij.core.status;

/** The language server as the plugin sees it (LSP4IJ starts and stops it). */
public enum ServerState {
  STARTING, RUNNING, STOPPED
}
