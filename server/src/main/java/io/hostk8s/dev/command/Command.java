package io.hostk8s.dev.command;

/**
 * One action of the product. Every command is reachable as an LSP {@code workspace/executeCommand}, over the
 * engine socket and from the CLI, with the same semantics. Results are plain records (serialised as JSON).
 */
public interface Command {
  /** The LSP command id, e.g. {@code hostk8s.status}. */
  String id();

  /** One line for --help and the command palette. */
  String title();

  /** Long commands run with a progress reporter ($/progress) and can be cancelled. */
  default boolean longRunning() {
    return false;
  }

  Object run(CommandContext context) throws Exception;
}
