package io.hostk8s.dev.testbed;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Polls for Ready pods. */
final class Readiness {

  private Readiness() {
  }

  static List<Pod> await(KubernetesClient client, String ns, String selector, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Pod> pods = List.of();
    while (System.nanoTime() < deadline) {
      pods = client.pods().inNamespace(ns).withLabelSelector(selector).list().getItems().stream()
          .filter(p -> p.getMetadata().getDeletionTimestamp() == null).collect(Collectors.toList());
      if (!pods.isEmpty() && pods.stream().allMatch(Readiness::ready)) {
        return pods;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("pods " + selector + " in " + ns + " not ready after " + timeout + ": "
        + pods.stream().map(p -> p.getMetadata().getName() + "=" + (p.getStatus() == null ? "?" :
        p.getStatus().getPhase() + "/" + p.getStatus().getContainerStatuses())).collect(Collectors.toList()));
  }

  static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
