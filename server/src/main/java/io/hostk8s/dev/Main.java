package io.hostk8s.dev;

import io.hostk8s.dev.cli.RootCommand;

/** Entry point of the jar: {@code lsp} serves LSP on stdio, everything else is the CLI. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && "lsp".equals(args[0])) {
      // the IDE's start-up path skips building the whole CLI tree (~0.2 s of class loading)
      System.exit(RootCommand.runLsp());
    }
    System.exit(RootCommand.execute(args));
  }
}
