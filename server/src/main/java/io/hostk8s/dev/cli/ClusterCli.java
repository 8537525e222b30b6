package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "cluster", description = "The Kind cluster: HostK8s make start/stop/status in a HostK8s checkout, else our own HostK8s-layout kind cluster.",
    subcommands = {ClusterCli.Start.class, ClusterCli.Stop.class, ClusterCli.Status.class})
final class ClusterCli {
  /**
   * Runs {@code body}; if the JVM is asked to stop meanwhile (Ctrl-C, SIGTERM), holds the shutdown until it returned
   * (at most {@value #DRAIN_SECONDS} s), so the cancelled command can kill make's / kind's process tree first —
   * otherwise the JVM halts right after the cancel flag is set and the tree outlives the CLI.
   */
  static final int DRAIN_SECONDS = 15;

  static Integer drainingOnShutdown(Callable<Integer> body) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        done.await(DRAIN_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "hostk8s-cluster-drain");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.call();
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and now returns
      }
    }
  }

  @Command(name = "start", description = "Start the cluster (kind + registry hostk8s-registry at localhost:5002); streams the output.")
  static final class Start extends EngineCommandCli {
    @Override
    public Integer call() {
      try {
        return drainingOnShutdown(super::call);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    String commandId() {
      return "hostk8s.cluster.start";
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> Formatters.str(t.getAsJsonObject(), "message");
    }
  }

  @Command(name = "stop", description = "Delete the cluster and the registry container; data/ and the kubeconfig are kept.")
  static final class Stop extends EngineCommandCli {
    @Override
    public Integer call() {
      try {
        return drainingOnShutdown(super::call);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    String commandId() {
      return "hostk8s.cluster.stop";
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> Formatters.str(t.getAsJsonObject(), "message");
    }
  }

  @Command(name = "status", description = "The cluster's state (stopped, starting, running, degraded + reason); make status output in a HostK8s checkout.")
  static final class Status extends EngineCommandCli {
    @Override
    public Integer call() {
      try {
        return drainingOnShutdown(super::call);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    String commandId() {
      return "hostk8s.cluster.status";
    }

    @Override
    Function<JsonElement, String> human() {
      return t -> {
        StringBuilder sb = new StringBuilder();
        t.getAsJsonObject().getAsJsonArray("output").forEach(l -> sb.append(l.getAsString()).append('\n'));
        JsonObject c = t.getAsJsonObject().getAsJsonObject("cluster");
        sb.append("cluster ").append(Formatters.str(c, "name")).append(": ").append(Formatters.str(c, "state"));
        if (c.has("reason") && !c.get("reason").isJsonNull()) {
          sb.append(" (").append(c.get("reason").getAsString()).append(')');
        }
        return sb.append("\nkubeconfig ").append(Formatters.str(c, "kubeconfig")).toString();
      };
    }

    @Override
    Function<JsonElement, Integer> exitCode() {
      return t -> "running".equals(Formatters.str(t.getAsJsonObject().getAsJsonObject("cluster"), "state")) ? 0 : 1;
    }
  }
}
