package io.hostk8s.dev;

import io.hostk8s.dev.cli.RootCommand;

/** Entry point of the jar: {@code lsp} serves LSP on stdio, everything else is the CLI. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(RootCommand.execute(args));
  }
}
