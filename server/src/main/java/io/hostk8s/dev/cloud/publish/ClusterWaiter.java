package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.KubernetesApi;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.List;

/**
 * Polls a cluster until {@code running}: every 2 s at first, backing off to {@link #MAX_INTERVAL} (DigitalOcean's
 * limit is 250 requests a minute per token; provisioning takes minutes), reporting state and message, cancellable
 * at every poll, bounded by a timeout. {@code error} fails with DigitalOcean's message.
 */
final class ClusterWaiter {
  static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
  private final KubernetesApi kubernetes;
  private final Sleeper sleeper;
  private final Duration timeout;

  ClusterWaiter(KubernetesApi kubernetes, Sleeper sleeper, Duration timeout) {
    this.kubernetes = kubernetes;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  Cluster awaitRunning(String id, Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration interval = Duration.ofSeconds(2);
    String last = null;
    while (true) {
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new HostK8sException(ErrorCode.CANCELLED, "Stopped waiting for cluster " + id + "; it keeps provisioning.",
            List.of("Run publish apply again: it picks up the same cluster."), true, null);
      }
      Cluster c = kubernetes.getCluster(id);
      String state = c.status() == null ? "unknown" : c.status().state();
      String message = c.status() == null || c.status().message() == null ? "" : c.status().message();
      String now = state + (message.isBlank() ? "" : ": " + message);
      if (!now.equals(last)) {
        progress.report("cluster " + c.name() + " " + now);
        last = now;
      }
      switch (state) {
        case "running":
          return c;
        case "error", "deleted", "deleting":
          throw new HostK8sException(ErrorCode.CLOUD_PROVISION_FAILED, "Cluster " + c.name() + " is " + state
              + (message.isBlank() ? "" : ": " + message) + ".", List.of("Look at the cluster in the DigitalOcean "
              + "control panel; `hostk8s-dev publish teardown --yes` removes it, then apply creates a new one."), true, null);
        default:
          break;
      }
      if (System.nanoTime() > deadline) {
        throw new HostK8sException(ErrorCode.CLOUD_PROVISION_TIMEOUT, "Cluster " + c.name() + " is still " + state
            + " after " + timeout.toMinutes() + " minutes.", List.of("Run publish apply again later: it waits for the "
            + "same cluster; DigitalOcean's status page: https://status.digitalocean.com"), true, null);
      }
      sleeper.sleep(interval);
      interval = interval.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval.multipliedBy(2);
    }
  }
}
