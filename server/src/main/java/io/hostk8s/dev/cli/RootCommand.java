package io.hostk8s.dev.cli;

import io.hostk8s.dev.core.Version;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

@Command(name = "hostk8s-dev", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = RootCommand.VersionProvider.class,
    description = "HostK8s Dev: an IDE inner loop for Kubernetes (LSP + DAP server and CLI).",
    subcommands = {DevCli.class, UpCli.class, BuildCli.class, StatusCli.class, PublishCli.class, DoctorCli.class, ConfigCli.class, SandboxCli.class, CommandsCli.class,
        RunCli.class, DeployCli.class, RestartCli.class, ClusterCli.class, ForwardCli.class, LogsCli.class, LocalCli.class, DebugCli.class,
        SyncCli.class, TargetCli.class, CommandLine.HelpCommand.class})
public final class RootCommand {
  /** The global options given before the subcommand (handed to it by {@link CliOptions#carryOver}). */
  @Mixin
  CliOptions options;

  /** The CLI form of every engine command (checked by a test: each registered command has one). */
  public static final Map<String, String> CLI_FORMS = Map.ofEntries(
      Map.entry(CommandIds.STATUS, "status"),
      Map.entry(CommandIds.DOCTOR, "doctor"),
      Map.entry(CommandIds.CONFIG_SHOW, "config show"),
      Map.entry(CommandIds.SANDBOX_UP, "sandbox up"),
      Map.entry(CommandIds.CLUSTER_START, "cluster start"),
      Map.entry(CommandIds.CLUSTER_STOP, "cluster stop"),
      Map.entry(CommandIds.CLUSTER_STATUS, "cluster status"),
      Map.entry(CommandIds.SANDBOX_DOWN, "sandbox down"),
      Map.entry(CommandIds.BUILD, "build"),
      Map.entry(CommandIds.DEPLOY, "deploy"),
      Map.entry(CommandIds.RESTART, "restart"),
      Map.entry(CommandIds.UP, "up"),
      Map.entry(CommandIds.SYNC_START, "sync"),
      Map.entry(CommandIds.SYNC_STOP, "sync stop"),
      Map.entry(CommandIds.SYNC_EXPLAIN, "sync explain"),
      Map.entry(CommandIds.FORWARD_START, "forward"),
      Map.entry(CommandIds.FORWARD_STOP, "forward stop"),
      Map.entry(CommandIds.FORWARD_LIST, "forward list"),
      Map.entry(CommandIds.LOGS_FOLLOW, "logs"),
      Map.entry(CommandIds.LOGS_STOP, "logs stop"),
      Map.entry(CommandIds.RUN_LOCAL, "local"),
      Map.entry(CommandIds.RUN_STOP, "local stop"),
      Map.entry(CommandIds.DEBUG_ENDPOINT, "debug endpoint"),
      Map.entry(CommandIds.DEV, "dev"),
      Map.entry(CommandIds.DEV_STOP, "dev stop"),
      Map.entry(CommandIds.PUBLISH_PLAN, "publish plan"),
      Map.entry(CommandIds.PUBLISH_APPLY, "publish apply"),
      Map.entry(CommandIds.PUBLISH_STATUS, "publish status"),
      Map.entry(CommandIds.PUBLISH_TEARDOWN, "publish teardown"),
      Map.entry(CommandIds.PUBLISH_DOMAIN, "publish domain"),
      Map.entry(CommandIds.PUBLISH_HISTORY, "publish history"),
      Map.entry(CommandIds.PUBLISH_ROLLBACK, "publish rollback"),
      Map.entry(CommandIds.PUBLISH_DATA_PUSH, "publish data push"),
      Map.entry(CommandIds.PUBLISH_DATA_PULL, "publish data pull"),
      Map.entry(CommandIds.PUBLISH_DEBUG_PLAN, "publish debug plan"),
      Map.entry(CommandIds.PUBLISH_DEBUG_START, "publish debug start"),
      Map.entry(CommandIds.PUBLISH_DEBUG_STOP, "publish debug stop"),
      Map.entry(CommandIds.TARGET_SET, "target"));

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
