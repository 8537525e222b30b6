package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** Derives readiness and the reason a pod is not ready (ImagePullBackOff, CrashLoopBackOff, …) from pod status. */
public final class PodReadiness {
  private PodReadiness() {}

  public static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null || pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    return pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The most useful "why not ready" for a set of pods, or null when all are ready. */
  public static String reason(List<Pod> pods) {
    for (Pod pod : pods) {
      if (isReady(pod) || pod.getStatus() == null) {
        continue;
      }
      List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
      if (statuses != null) {
        for (ContainerStatus cs : statuses) {
          if (cs.getState() != null && cs.getState().getWaiting() != null) {
            var w = cs.getState().getWaiting();
            return w.getReason() + (w.getMessage() == null ? "" : ": " + w.getMessage());
          }
          if (cs.getState() != null && cs.getState().getTerminated() != null) {
            var t = cs.getState().getTerminated();
            return "Terminated (" + t.getReason() + ", exit " + t.getExitCode() + ")";
          }
        }
      }
      String phase = pod.getStatus().getPhase();
      return phase == null ? "Pending" : phase;
    }
    return null;
  }
}
