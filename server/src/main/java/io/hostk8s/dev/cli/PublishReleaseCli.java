package io.hostk8s.dev.cli;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDataArgs;
import io.hostk8s.dev.protocol.commands.args.PublishRollbackArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code publish history}, {@code publish rollback} and {@code publish data push|pull}. */
final class PublishReleaseCli {
  private PublishReleaseCli() {}

  @Command(name = "history", description = "The published app's releases: images, time, git commit, what changed (* = running).")
  static final class History extends PublishCli.Base {
    @Override
    public Integer call() {
      return run(CommandIds.PUBLISH_HISTORY, CommandArgs.of(new NoArgs()), PublishCli::okExit);
    }
  }

  @Command(name = "rollback", description = "Roll the published app back to the release before the current one (or --to N), "
      + "with readiness; the data stays. Asks first, unless --yes.")
  static final class Rollback extends PublishCli.Base {
    @Option(names = "--to", paramLabel = "N", description = "The release number to return to (see publish history).")
    Integer to;
    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
      boolean consent = yes || ask("Roll the published app back to " + (to == null ? "the previous release" : "release " + to) + "?");
      return run(CommandIds.PUBLISH_ROLLBACK, CommandArgs.of(new PublishRollbackArgs(to, consent ? true : null)),
          PublishCli::okExit);
    }
  }

  @Command(name = "data", description = "Copy Postgres' data (the votes) between the local cluster and the published app.",
      subcommands = {Push.class, Pull.class})
  static final class Data {}

  abstract static class Copy extends PublishCli.Base {
    @Option(names = "--force", description = "Replace the target's tables even when they hold rows.")
    boolean force;

    int copy(String id) {
      return run(id, CommandArgs.of(new PublishDataArgs(force ? true : null)), PublishCli::okExit);
    }
  }

  @Command(name = "push", description = "Local Postgres → the published app's (refused when it holds rows, unless --force).")
  static final class Push extends Copy {
    @Override
    public Integer call() {
      return copy(CommandIds.PUBLISH_DATA_PUSH);
    }
  }

  @Command(name = "pull", description = "The published app's Postgres → the local one (refused when it holds rows, unless --force).")
  static final class Pull extends Copy {
    @Override
    public Integer call() {
      return copy(CommandIds.PUBLISH_DATA_PULL);
    }
  }
}
