package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Waits until every Deployment of a namespace has all its replicas ready. */
final class Rollouts {
  private Rollouts() {}

  static void awaitAvailable(KubernetesClient client, String namespace, Duration timeout, Sleeper sleeper, Progress progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      Cancel.check(progress, "waiting for " + namespace);
      List<Deployment> all = client.apps().deployments().inNamespace(namespace).list().getItems();
      List<String> waiting = all.stream().filter(d -> !ready(d)).map(d -> d.getMetadata().getName() + " "
          + ready(d.getStatus() == null ? null : d.getStatus().getReadyReplicas()) + "/" + want(d)).collect(Collectors.toList());
      if (!all.isEmpty() && waiting.isEmpty()) {
        return;
      }
      String now = namespace + ": waiting for " + (all.isEmpty() ? "its Deployments" : String.join(", ", waiting));
      if (!now.equals(last)) {
        progress.report(now);
        last = now;
      }
      if (System.nanoTime() > deadline) {
        throw HostK8sException.user(ErrorCode.CLOUD_PLATFORM_FAILED, now + " after " + Durations.human(timeout) + ".",
            "Look at the pods: kubectl --kubeconfig <publish kubeconfig> -n " + namespace + " get pods; apply again.");
      }
      sleeper.sleep(Duration.ofSeconds(2));
    }
  }

  private static boolean ready(Deployment d) {
    Integer r = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return ready(r) >= want(d) && want(d) > 0;
  }

  private static int ready(Integer r) {
    return r == null ? 0 : r;
  }

  private static int want(Deployment d) {
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }
}
