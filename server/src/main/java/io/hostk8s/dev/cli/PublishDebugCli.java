package io.hostk8s.dev.cli;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishDebugArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDebugServiceArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code publish debug plan|start|stop}: a debug session on the published app, on explicit request. */
final class PublishDebugCli {
  private PublishDebugCli() {}

  @Command(name = "debug", description = "Debug the published app on explicit request: a service in debug mode on "
      + "DigitalOcean (a dev image or debugger in production, 1 replica) until `publish debug stop`.",
      subcommands = {Plan.class, Start.class, Stop.class})
  static final class Debug {}

  abstract static class WithService extends PublishCli.Base {
    @Option(names = "--service", paramLabel = "SERVICE", description = "vote (debugpy, dev image) or worker (JDWP); default: vote (stop: every service in debug mode).")
    String service;
  }

  @Command(name = "plan", description = "What debug mode would change and cost (read-only).")
  static final class Plan extends WithService {
    @Override
    public Integer call() {
      return run(CommandIds.PUBLISH_DEBUG_PLAN, CommandArgs.of(new PublishDebugServiceArgs(service)), PublishCli::okExit);
    }
  }

  @Command(name = "start", description = "Put a service of the published app into debug mode; refused with what it "
      + "costs unless --yes (or a yes on the terminal). Then attach on the cloud target as locally.")
  static final class Start extends WithService {
    @Option(names = {"-y", "--yes"}, description = "Consent to what it costs (see publish debug plan).")
    boolean yes;

    @Override
    public Integer call() {
      boolean consent = yes;
      if (!yes && System.console() != null && !options.json) {
        int shown = run(CommandIds.PUBLISH_DEBUG_PLAN, CommandArgs.of(new PublishDebugServiceArgs(service)), PublishCli::okExit);
        consent = shown == 0 && ask("Put " + (service == null ? "vote" : service) + " of the published app into debug mode,"
            + " at the cost above?");
      }
      return run(CommandIds.PUBLISH_DEBUG_START, CommandArgs.of(new PublishDebugArgs(service, consent ? true : null)),
          PublishCli::okExit);
    }
  }

  @Command(name = "stop", description = "Back to production: the recorded images and settings, with readiness.")
  static final class Stop extends WithService {
    @Override
    public Integer call() {
      return run(CommandIds.PUBLISH_DEBUG_STOP, CommandArgs.of(new PublishDebugServiceArgs(service)), PublishCli::okExit);
    }
  }
}
