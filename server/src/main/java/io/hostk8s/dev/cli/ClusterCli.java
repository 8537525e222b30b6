package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "cluster", description = "The Kind cluster: HostK8s make start/stop/status in a HostK8s checkout, else our own HostK8s-layout kind cluster.",
    subcommands = {ClusterCli.Start.class, ClusterCli.Stop.class, ClusterCli.Status.class})
final class ClusterCli {
  @Command(name = "start", description = "Start the cluster (kind + registry hostk8s-registry at localhost:5002); streams the output.")
  static final class Start extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.CLUSTER_START;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> Formatters.str(t.getAsJsonObject(), "message");
    }
  }

  @Command(name = "stop", description = "Delete the cluster and the registry container; data/ and the kubeconfig are kept.")
  static final class Stop extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.CLUSTER_STOP;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> Formatters.str(t.getAsJsonObject(), "message");
    }
  }

  @Command(name = "status", description = "The cluster's state (stopped, starting, running, degraded + reason); make status output in a HostK8s checkout.")
  static final class Status extends EngineCommandCli {
    @Override
    String commandId() {
      return CommandIds.CLUSTER_STATUS;
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        StringBuilder sb = new StringBuilder();
        t.getAsJsonObject().getAsJsonArray("output").forEach(l -> sb.append(l.getAsString()).append('\n'));
        JsonObject c = t.getAsJsonObject().getAsJsonObject("cluster");
        sb.append(Formatters.str(t.getAsJsonObject(), "message"));
        return sb.append("\nkubeconfig ").append(Formatters.str(c, "kubeconfig")).toString();
      };
    }

    @Override
    Function<JsonElement, Integer> exitCode() {
      return t -> "running".equals(Formatters.str(t.getAsJsonObject().getAsJsonObject("cluster"), "state")) ? 0 : 1;
    }
  }
}
