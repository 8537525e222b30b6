package io.hostk8s.dev.debug;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cluster.PodReadiness;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The pod a debug feature talks to: a Running pod matching the service's selector, Ready and newest first. */
final class ServicePods {
  private ServicePods() {}

  static Optional<Pod> running(KubernetesClient kube, String namespace, Map<String, String> selector) {
    return kube.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .sorted(Comparator.comparing((Pod p) -> !PodReadiness.isReady(p))
            .thenComparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.reverseOrder())))
        .findFirst();
  }
}
