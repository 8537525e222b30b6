package io.hostk8s.dev.cli;

import io.hostk8s.dev.core.Target;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The global options (a picocli mixin), accepted before or after the subcommand with the same meaning:
 * {@code hostk8s-dev --kubeconfig X status} = {@code hostk8s-dev status --kubeconfig X}. The root command and every
 * subcommand mix them in; before the subcommand runs, {@link #carryOver} hands it what was given before it (given in
 * both places, the value after the subcommand wins).
 */
public final class CliOptions {
  @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace root (default: the current directory).")
  Path workspace;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig to use; wins over KUBECONFIG, this workspace's running sandbox, .env and hostk8s.dev.yaml.")
  Path kubeconfig;

  @Option(names = "--target", paramLabel = "TARGET",
      description = "For this command only: local, or cloud (alias digitalocean: the cluster publish made, through the "
          + "kubeconfig it fetched). Default: the workspace's target (hostk8s-dev target).")
  String target;

  @Option(names = "--json", description = "Print the result as JSON (the same payload the IDE gets).")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Log details to stderr.")
  boolean verbose;

  public Path workspaceRoot() {
    return (workspace == null ? Path.of("") : workspace).toAbsolutePath().normalize();
  }

  /** This command's own cluster (--kubeconfig or --target): it then runs in an engine of its own, never the owner's. */
  boolean ownCluster() {
    return kubeconfig != null || target != null;
  }

  /** --target parsed (null: the workspace's). */
  Target targetOverride() {
    return target == null ? null : Target.parse(target);
  }

  /** Fills what was not given after the subcommand from what was given before it. */
  void inheritFrom(CliOptions before) {
    workspace = workspace != null ? workspace : before.workspace;
    kubeconfig = kubeconfig != null ? kubeconfig : before.kubeconfig;
    target = target != null ? target : before.target;
    json |= before.json;
    verbose |= before.verbose;
  }

  /** Hands the options given before the subcommand to the subcommand that runs (see the class comment). */
  static void carryOver(CommandLine.ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    CliOptions before = of(chain.get(0).getCommandSpec());
    CliOptions leaf = of(chain.get(chain.size() - 1).getCommandSpec());
    if (before != null && leaf != null && before != leaf) {
      leaf.inheritFrom(before);
    }
  }

  private static CliOptions of(CommandSpec spec) {
    return spec.mixins().values().stream().map(CommandSpec::userObject).filter(CliOptions.class::isInstance)
        .map(CliOptions.class::cast).findFirst().orElse(null);
  }
}
