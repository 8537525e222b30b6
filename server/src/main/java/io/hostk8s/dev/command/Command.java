package io.hostk8s.dev.command;

import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.NoArgs;

/**
 * One action of the product. Every command is reachable as an LSP {@code workspace/executeCommand}, over the
 * engine socket and from the CLI, with the same semantics. Arguments and results are records (results serialised as
 * JSON); {@link #arguments()} and {@link #view()} are what {@code hostk8s/commands} tells clients about it.
 */
public interface Command {
  /** The id, one of {@code protocol.commands.CommandIds}, e.g. {@code hostk8s.status}. */
  String id();

  /** One line for --help and the command palette. */
  String title();

  /** The palette group, e.g. {@code Cluster}. */
  String category();

  /** Long commands run with a progress reporter ($/progress) and can be cancelled. */
  default boolean longRunning() {
    return false;
  }

  /** The record its arguments are read into ({@code ctx.args().as(...)}); its {@code @Arg}s describe them. */
  default Class<? extends Record> arguments() {
    return NoArgs.class;
  }

  /** How a client shows the result to a person. */
  default ResultView view() {
    return ResultView.message(title() + ": done.");
  }

  Object run(CommandContext context) throws Exception;
}
