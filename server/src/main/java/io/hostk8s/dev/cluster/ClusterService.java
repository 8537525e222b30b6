package io.hostk8s.dev.cluster;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cluster verbs: a HostK8s checkout's {@code make start|stop|status} when there is one, else our own
 * {@link KindCluster}. While start/stop run, the status says {@code starting} and {@code busy} names the verb.
 */
public final class ClusterService {
  public static final String BUSY_START = "cluster.start";
  public static final String BUSY_STOP = "cluster.stop";
  private final MakeCluster make;
  private final KindCluster kind;

  public ClusterService(MakeCluster make, KindCluster kind) {
    this.make = make;
    this.kind = kind;
  }

  public static ClusterService standard(ProcessRunner runner) {
    return new ClusterService(new MakeCluster(runner), KindCluster.standard(runner));
  }

  /** The cluster part of the status, re-read, with the output of {@code make status} for a HostK8s checkout. */
  /** {@code via}: {@code sandbox}, {@code make} or {@code kind}; {@code message}: one line for a person. */
  public record Report(String via, ClusterStatus cluster, List<String> output, String message) {}

  public ClusterResult start(EngineServices engine, Progress progress) {
    Workspace ws = engine.workspace();
    engine.status().update(s -> s.withBusy(BUSY_START).withCluster(ClusterStates.starting(s.cluster(), "cluster start in progress")));
    try {
      Optional<HostK8sCheckout> checkout = HostK8sCheckout.detect(ws);
      ClusterResult result;
      if (checkout.isPresent()) {
        List<String> out = make.run(checkout.get(), "start", ErrorCode.CLUSTER_START_FAILED, progress);
        adoptKubeconfig(ws, checkout.get().kubeconfig());
        result = new ClusterResult("make", ws.config().config().cluster().name(), ws.kubeconfig().toString(),
            ws.config().config().registry().push(), out, "make start finished in " + checkout.get().root());
      } else {
        result = kind.start(ws, progress);
      }
      engine.events().publish(HostK8sEvent.of("cluster.started", null, result.message()));
      return result;
    } finally {
      engine.status().update(s -> s.withBusy(null));
      ClusterProbe.refresh(engine);
    }
  }

  /**
   * Fails unless {@link #stop} can run, before anything is stopped: CLUSTER_IS_SANDBOX when the engine's target is
   * this workspace's sandbox (its fix is Stop Sandbox), else without a HostK8s checkout kind's preflight (Docker, kind).
   */
  public void checkStoppable(EngineServices engine) {
    Workspace ws = engine.workspace();
    String kubeconfig = String.valueOf(ws.kubeconfig());
    if (ClusterStatus.SANDBOX.equals(ClusterStatus.targetOf(kubeconfig))) {
      throw HostK8sException.user(ErrorCode.CLUSTER_IS_SANDBOX, "The target is this workspace's sandbox test bed (" + kubeconfig
          + "), not a cluster: there is no cluster to stop, and nothing was stopped.",
          "Stop the sandbox instead: \"HostK8s: Stop Sandbox\" in the palette, or ./hostk8s-dev sandbox down");
    }
    if (HostK8sCheckout.detect(ws).isEmpty()) {
      Preflight.forKind(ws);
    }
  }

  public ClusterResult stop(EngineServices engine, Progress progress) {
    Workspace ws = engine.workspace();
    checkStoppable(engine);
    engine.status().update(s -> s.withBusy(BUSY_STOP));
    try {
      Optional<HostK8sCheckout> checkout = HostK8sCheckout.detect(ws);
      ClusterResult result;
      if (checkout.isPresent()) {
        List<String> out = make.run(checkout.get(), "stop", ErrorCode.CLUSTER_STOP_FAILED, progress);
        result = new ClusterResult("make", ws.config().config().cluster().name(), ws.kubeconfig().toString(),
            ws.config().config().registry().push(), out, "make stop finished; data/ and the kubeconfig are kept");
      } else {
        result = kind.stop(ws, progress);
      }
      engine.events().publish(HostK8sEvent.of("cluster.stopped", null, result.message()));
      return result;
    } finally {
      engine.status().update(s -> s.withBusy(null));
      ClusterProbe.refresh(engine);
    }
  }

  public Report status(EngineServices engine, Progress progress) {
    boolean sandbox = ClusterStatus.SANDBOX.equals(ClusterStatus.targetOf(String.valueOf(engine.workspace().kubeconfig())));
    Optional<HostK8sCheckout> checkout = sandbox ? Optional.empty() : HostK8sCheckout.detect(engine.workspace());
    List<String> out = checkout.isPresent()
        ? make.run(checkout.get(), "status", ErrorCode.CLUSTER_STATUS_FAILED, progress) : List.of();
    ClusterProbe.refresh(engine);
    ClusterStatus cluster = ClusterStates.withRegistry(engine.status().get().cluster(), engine.workspace());
    engine.status().update(s -> s.withCluster(cluster));
    ClusterStatus now = engine.status().get().cluster();
    String via = sandbox ? ClusterStatus.SANDBOX : checkout.isPresent() ? "make" : "kind";
    return new Report(via, now, out, describe(now));
  }

  /** "the sandbox test bed: running, 1/1 nodes ready", "cluster hostk8s: stopped (no kubeconfig at …)". */
  static String describe(ClusterStatus c) {
    String what = c.sandbox() ? "the sandbox test bed" : "cluster " + c.name() + (c.context() == null ? "" : " (context " + c.context() + ")");
    String nodes = c.nodesTotal() > 0 ? ", " + c.nodesReady() + "/" + c.nodesTotal() + " nodes ready" : "";
    return what + ": " + c.state() + nodes + (c.reason() == null ? "" : " (" + c.reason() + ")");
  }

  /** After make start: use the checkout's kubeconfig when the configured one does not exist. */
  private static void adoptKubeconfig(Workspace ws, Path checkoutKubeconfig) {
    if (!Files.isRegularFile(ws.clusterKubeconfig()) && Files.isRegularFile(checkoutKubeconfig)) {
      ws.useKubeconfig(checkoutKubeconfig);
    }
  }
}
