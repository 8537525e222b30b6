package io.hostk8s.dev.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand accepts (a picocli mixin). */
public final class CliOptions {
  @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace root (default: the current directory).")
  Path workspace;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig to use; wins over KUBECONFIG, .env and hostk8s.dev.yaml.")
  Path kubeconfig;

  @Option(names = "--json", description = "Print the result as JSON (the same payload the IDE gets).")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Log details to stderr.")
  boolean verbose;

  public Path workspaceRoot() {
    return (workspace == null ? Path.of("") : workspace).toAbsolutePath().normalize();
  }
}
