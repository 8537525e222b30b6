package io.hostk8s.dev.cli;

import io.hostk8s.dev.core.Version;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

@Command(name = "hostk8s-dev", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = RootCommand.VersionProvider.class,
    description = "HostK8s Dev: an IDE inner loop for Kubernetes (LSP + DAP server and CLI).",
    subcommands = {DevCli.class, UpCli.class, StatusCli.class, DoctorCli.class, ConfigCli.class, SandboxCli.class, CommandsCli.class,
        RunCli.class, DeployCli.class, ClusterCli.class, ForwardCli.class, LogsCli.class, LocalCli.class, DebugCli.class,
        SyncCli.class, CommandLine.HelpCommand.class})
public final class RootCommand {
  /** The global options given before the subcommand (handed to it by {@link CliOptions#carryOver}). */
  @Mixin
  CliOptions options;

  /** The CLI form of every engine command (checked by a test: each registered command has one). */
  public static final Map<String, String> CLI_FORMS = Map.ofEntries(
      Map.entry("hostk8s.status", "status"),
      Map.entry("hostk8s.doctor", "doctor"),
      Map.entry("hostk8s.config.show", "config show"),
      Map.entry("hostk8s.sandbox.up", "sandbox up"),
      Map.entry("hostk8s.cluster.start", "cluster start"),
      Map.entry("hostk8s.cluster.stop", "cluster stop"),
      Map.entry("hostk8s.cluster.status", "cluster status"),
      Map.entry("hostk8s.sandbox.down", "sandbox down"),
      Map.entry("hostk8s.deploy", "deploy"),
      Map.entry("hostk8s.up", "up"),
      Map.entry("hostk8s.sync.start", "sync"),
      Map.entry("hostk8s.sync.stop", "sync stop"),
      Map.entry("hostk8s.sync.explain", "sync explain"),
      Map.entry("hostk8s.forward.start", "forward"),
      Map.entry("hostk8s.forward.stop", "forward stop"),
      Map.entry("hostk8s.forward.list", "forward list"),
      Map.entry("hostk8s.logs.follow", "logs"),
      Map.entry("hostk8s.logs.stop", "logs stop"),
      Map.entry("hostk8s.run.local", "local"),
      Map.entry("hostk8s.run.stop", "local stop"),
      Map.entry("hostk8s.debug.endpoint", "debug endpoint"));

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hostk8s-dev " + Version.get(), "Java " + Runtime.version()};
    }
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RootCommand());
    cl.setExecutionStrategy(parsed -> {
      CliOptions.carryOver(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    cl.addSubcommand("lsp", new LspCli(io.hostk8s.dev.lsp.config.ConfigLanguageService::new));
    cl.setExecutionExceptionHandler(new CliErrors());
    return cl;
  }

  /** {@code hostk8s-dev lsp} without picocli. */
  public static int runLsp() {
    return new LspCli(io.hostk8s.dev.lsp.config.ConfigLanguageService::new).call();
  }

  public static int execute(String[] args) {
    return commandLine().execute(args);
  }
}
