package io.hostk8s.dev.forward;

import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.cluster.PodReadiness;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which pod a forward goes to. The current pod is kept while it still exists, is not terminating and is Running —
 * even when it stops being Ready while another Ready pod is missing (a debuggee paused at a breakpoint fails its
 * readiness probe; moving away would end the debug session). Otherwise the newest Ready pod; else none.
 */
final class PodChoice {
  private PodChoice() {}

  static String choose(Collection<Pod> pods, String current) {
    Pod newestReady = pods.stream().filter(PodReadiness::isReady)
        .max(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
            .thenComparing(p -> p.getMetadata().getName()))
        .orElse(null);
    if (current != null) {
      Pod cur = pods.stream().filter(p -> current.equals(p.getMetadata().getName())).findFirst().orElse(null);
      if (cur != null && PodReadiness.isReady(cur)) {
        return current;
      }
      if (cur != null && newestReady == null && cur.getMetadata().getDeletionTimestamp() == null
          && cur.getStatus() != null && "Running".equals(cur.getStatus().getPhase())) {
        return current;
      }
    }
    return newestReady == null ? null : newestReady.getMetadata().getName();
  }

  /**
   * For logs: the current pod while it exists and is not terminating (Ready or not: a crashing pod's log is the
   * interesting one); else the newest Ready pod; else the newest pod that is not terminating.
   */
  static String chooseForLogs(Collection<Pod> pods, String current) {
    if (current != null && pods.stream().anyMatch(p -> current.equals(p.getMetadata().getName()) && p.getMetadata().getDeletionTimestamp() == null)) {
      return current;
    }
    String ready = choose(pods, null);
    if (ready != null) {
      return ready;
    }
    return pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .max(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())).thenComparing(p -> p.getMetadata().getName()))
        .map(p -> p.getMetadata().getName()).orElse(null);
  }
}
