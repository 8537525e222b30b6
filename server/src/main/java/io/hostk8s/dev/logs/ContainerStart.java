package io.hostk8s.dev.logs;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * Whether a pod's container has a log to read yet: it runs, or it ran (terminated, or restarted at least once). A
 * container that is still being created has none — the API answers 404 "has no running container" — so its log
 * is opened once it starts, from its first line.
 */
final class ContainerStart {
  private ContainerStart() {}

  /** What the container does now. */
  enum State { STARTED, WAITING, GONE }

  /** {@code reason} is the waiting reason (ContainerCreating, CrashLoopBackOff, …) when WAITING. */
  record Seen(State state, String reason) {}

  static Seen of(KubernetesClient kube, String namespace, String pod, String container) {
    Pod p;
    try {
      p = kube.pods().inNamespace(namespace).withName(pod).get();
    } catch (KubernetesClientException e) {
      return new Seen(State.STARTED, null); // cannot tell: let the log request say
    }
    if (p == null) {
      return new Seen(State.GONE, null);
    }
    List<ContainerStatus> statuses = p.getStatus() == null ? null : p.getStatus().getContainerStatuses();
    if (statuses == null || statuses.isEmpty()) {
      return new Seen(State.WAITING, p.getStatus() == null ? "Pending" : String.valueOf(p.getStatus().getPhase()));
    }
    ContainerStatus cs = statuses.stream().filter(s -> container == null || container.equals(s.getName())).findFirst().orElse(statuses.get(0));
    boolean ran = cs.getState() != null && (cs.getState().getRunning() != null || cs.getState().getTerminated() != null);
    if (ran || (cs.getRestartCount() != null && cs.getRestartCount() > 0)) {
      return new Seen(State.STARTED, null);
    }
    String reason = cs.getState() != null && cs.getState().getWaiting() != null ? cs.getState().getWaiting().getReason() : null;
    return new Seen(State.WAITING, reason == null ? "not started" : reason);
  }
}
