package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;
import io.hostk8s.dev.protocol.commands.args.PublishStatusArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDomainArgs;
import io.hostk8s.dev.protocol.commands.args.PublishTeardownArgs;
import java.io.Console;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", description = "Publish the voting app to DigitalOcean Kubernetes (token: DIGITALOCEAN_ACCESS_TOKEN).",
    subcommands = {PublishCli.Plan.class, PublishCli.Apply.class, PublishCli.Status.class, PublishCli.Teardown.class,
        PublishCli.Domain.class,
        PublishReleaseCli.History.class, PublishReleaseCli.Rollback.class, PublishReleaseCli.Data.class,
        PublishDebugCli.Debug.class})
final class PublishCli {
  private PublishCli() {}

  /** Flags shared by plan and apply; each overrides cloud.digitalocean of hostk8s.dev.yaml. */
  static final class Target {
    @Option(names = "--api-url", paramLabel = "URL", description = "DigitalOcean API base URL (default: DIGITALOCEAN_API_URL, else https://api.digitalocean.com).")
    String apiUrl;
    @Option(names = "--cluster", description = "DOKS cluster name (default hostk8s-voting).")
    String cluster;
    @Option(names = "--region", description = "Region slug (default fra1).")
    String region;
    @Option(names = "--node-size", description = "Node size slug (default s-2vcpu-4gb).")
    String nodeSize;
    @Option(names = "--nodes", description = "Number of nodes (default 2).")
    Integer nodes;
    @Option(names = "--version", description = "Kubernetes version slug, minor (1.33) or latest (default).")
    String version;
    @Option(names = "--registry", description = "Registry name (default: the account's, else hostk8s-<account id>).")
    String registry;
    @Option(names = "--upgrade-registry", description = "Consent to upgrading a Starter registry to Basic (paid).")
    boolean upgradeRegistry;
    @Option(names = "--infra-only", description = "apply: only the cluster, registry and pull access; leave the app out.")
    boolean infraOnly;

    PublishPlanArgs plan() {
      return args(false).plan();
    }

    PublishArgs args(boolean yes) {
      return new PublishArgs(cluster, region, nodeSize, nodes, version, registry, upgradeRegistry ? true : null, apiUrl,
          infraOnly ? true : null, yes ? true : null);
    }
  }

  static String lines(JsonElement t) {
    JsonObject r = t.getAsJsonObject();
    StringBuilder sb = new StringBuilder();
    if (r.has("lines")) {
      r.getAsJsonArray("lines").forEach(l -> sb.append(l.getAsString()).append('\n'));
    }
    return sb.append(Formatters.str(r, "summary")).toString();
  }

  static int okExit(JsonElement t) {
    JsonObject r = t.getAsJsonObject();
    return !r.has("ok") || r.get("ok").getAsBoolean() ? 0 : CliErrors.FAILURE;
  }

  abstract static class Base implements Callable<Integer> {
    @Mixin
    CliOptions options;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    int run(String id, CommandArgs args, Function<JsonElement, Integer> exit) {
      return CliRuntime.run(options, id, args, spec.commandLine().getOut(), spec.commandLine().getErr(), PublishCli::lines,
          exit, true);
    }

    /** On a terminal, asks; elsewhere (scripts, CI) false: the command then says to pass --yes. */
    boolean ask(String question) {
      Console console = System.console();
      if (console == null || options.json) {
        return false;
      }
      String answer = console.readLine("%s [y/N] ", question);
      return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
  }

  @Command(name = "plan", description = "What apply would create or reuse on DigitalOcean, with a live cost estimate (read-only).")
  static final class Plan extends Base {
    @Mixin
    Target target;

    @Override
    public Integer call() {
      return run(CommandIds.PUBLISH_PLAN, CommandArgs.of(target.plan()), t -> 0);
    }
  }

  @Command(name = "apply", description = "Create or reuse the DOKS cluster and the registry, and let the cluster pull from it. "
      + "Shows the plan and asks first, unless --yes.")
  static final class Apply extends Base {
    @Mixin
    Target target;
    @Option(names = {"-y", "--yes"}, description = "Do not ask (scripts, CI): you consent to the plan's costs.")
    boolean yes;

    @Override
    public Integer call() {
      boolean consent = yes;
      if (!consent && System.console() != null && !options.json) {
        int planned = run(CommandIds.PUBLISH_PLAN, CommandArgs.of(target.plan()), t -> 0);
        if (planned != 0) {
          return planned;
        }
        consent = ask("Create or reuse these DigitalOcean resources? They bill while they exist.");
        if (!consent) {
          spec.commandLine().getErr().println("nothing changed");
          return CliErrors.FAILURE;
        }
      }
      return run(CommandIds.PUBLISH_APPLY, CommandArgs.of(target.args(consent)), PublishCli::okExit);
    }
  }

  @Command(name = "status", description = "What is published from this workspace, checked live.")
  static final class Status extends Base {
    @Option(names = "--api-url", paramLabel = "URL", description = "DigitalOcean API base URL.")
    String apiUrl;

    @Override
    public Integer call() {
      return run(CommandIds.PUBLISH_STATUS, CommandArgs.of(new PublishStatusArgs(apiUrl)), PublishCli::okExit);
    }
  }

  @Command(name = "teardown", description = "Delete what publish created (never what it only reused); exits non-zero "
      + "when anything it created is left. Asks first, unless --yes.")
  static final class Teardown extends Base {
    @Option(names = "--api-url", paramLabel = "URL", description = "DigitalOcean API base URL.")
    String apiUrl;
    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;
    @Option(names = "--keep-data", description = "Keep the Postgres volume (the votes); it goes on billing.")
    boolean keepData;

    @Override
    public Integer call() {
      boolean consent = yes || ask("Delete what HostK8s created on DigitalOcean?");
      return run(CommandIds.PUBLISH_TEARDOWN, CommandArgs.of(new PublishTeardownArgs(apiUrl, keepData ? true : null, consent ? true : null)),
          PublishCli::okExit);
    }
  }

  @Command(name = "domain", description = "The DNS and certificate part alone, for a cluster you bring (the current "
      + "kubeconfig) or publish's: ingress controller, load balancer, DNS record, certificate. Asks first, unless --yes.")
  static final class Domain extends Base {
    @Option(names = "--api-url", paramLabel = "URL", description = "DigitalOcean API base URL.")
    String apiUrl;
    @Option(names = {"-y", "--yes"}, description = "Do not ask: you consent to the load balancer's cost.")
    boolean yes;

    @Override
    public Integer call() {
      boolean consent = yes || ask("Install the ingress controller and create its load balancer (it bills) and the DNS record?");
      return run(CommandIds.PUBLISH_DOMAIN, CommandArgs.of(new PublishDomainArgs(apiUrl, consent ? true : null)),
          PublishCli::okExit);
    }
  }
}
