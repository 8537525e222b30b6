package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.sandbox.DigitalOceanStandInLauncher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", description = "The sandbox test bed: a stand-in Kubernetes whose pods are local processes (no Docker needed).",
    subcommands = {SandboxCli.Up.class, SandboxCli.Down.class, SandboxCli.DigitalOcean.class})
final class SandboxCli {
  @Command(name = "digitalocean", description = "A stand-in for the DigitalOcean API (api.digitalocean.com) whose "
      + "Kubernetes clusters are sandboxes.", subcommands = {DigitalOcean.Up.class, DigitalOcean.Down.class})
  static final class DigitalOcean {
    @Command(name = "up", description = "Start the DigitalOcean API stand-in in the background; prints its API base URL "
        + "on the last line.")
    static final class Up implements Callable<Integer> {
      @Mixin
      CliOptions options;

      @Spec
      CommandSpec spec;

      @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free one).")
      Integer port;

      @Option(names = "--provision-seconds", paramLabel = "S", description = "How long a new cluster is provisioning (default 3).")
      Double provisionSeconds;

      @Option(names = "--registry-host", paramLabel = "HOST[:PORT]", description = "The registry its docker-credentials "
          + "name, e.g. your local one (localhost:5002), so publish's images can really be pushed (default "
          + "registry.digitalocean.com, which the stand-in does not serve).")
      String registryHost;

      @Override
      public Integer call() {
        List<String> extra = new ArrayList<>();
        if (port != null) {
          extra.addAll(List.of("--port", port.toString()));
        }
        if (provisionSeconds != null) {
          extra.addAll(List.of("--provision-seconds", provisionSeconds.toString()));
        }
        if (registryHost != null) {
          extra.addAll(List.of("--registry-host", registryHost));
        }
        PrintWriter out = spec.commandLine().getOut();
        String url = new DigitalOceanStandInLauncher(new SystemProcessRunner()).up(workspace(options), extra, line -> {
        }, Progress.NONE);
        out.println("DigitalOcean API stand-in running (state in "
            + DigitalOceanStandInLauncher.stateDir(workspace(options)) + ")");
        out.println(url);
        out.flush();
        return 0;
      }
    }

    @Command(name = "down", description = "Stop the DigitalOcean API stand-in, its cluster sandboxes and their processes.")
    static final class Down implements Callable<Integer> {
      @Mixin
      CliOptions options;

      @Spec
      CommandSpec spec;

      @Override
      public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        new DigitalOceanStandInLauncher(new SystemProcessRunner()).down(workspace(options), out::println, Progress.NONE);
        out.flush();
        return 0;
      }
    }

    static Workspace workspace(CliOptions options) {
      return new Workspace(options.workspaceRoot(), System.getenv(), null);
    }
  }

  @Command(name = "up", description = "Start the sandbox in the background; prints its kubeconfig path on the last line.")
  static final class Up extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.SANDBOX_UP;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> "sandbox running (state in " + Formatters.str(t.getAsJsonObject(), "stateDir") + ")\n"
          + Formatters.str(t.getAsJsonObject(), "kubeconfig");
    }
  }

  @Command(name = "down", description = "Stop the sandbox and every process it started.")
  static final class Down extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.SANDBOX_DOWN;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        StringBuilder sb = new StringBuilder();
        t.getAsJsonObject().getAsJsonArray("output").forEach(l -> sb.append(l.getAsString()).append('\n'));
        return sb.append("sandbox stopped").toString();
      };
    }
  }
}
