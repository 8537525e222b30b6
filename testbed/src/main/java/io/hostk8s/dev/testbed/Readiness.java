package io.hostk8s.dev.testbed;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Polls for Ready pods and finished rollouts. */
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

  static Deployment awaitRollout(KubernetesClient client, String ns, String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Deployment d = null;
    while (System.nanoTime() < deadline) {
      d = client.apps().deployments().inNamespace(ns).withName(name).get();
      if (d != null && rolledOut(d)) {
        return d;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("deployment " + ns + "/" + name + " not rolled out after " + timeout + ": "
        + (d == null ? "missing" : d.getStatus()));
  }

  private static boolean rolledOut(Deployment d) {
    DeploymentStatus s = d.getStatus();
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    long gen = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= gen
        && eq(s.getUpdatedReplicas(), replicas) && eq(s.getReadyReplicas(), replicas)
        && eq(s.getReplicas(), replicas);
  }

  private static boolean eq(Integer a, int b) {
    return a != null && a == b;
  }

  static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
