package io.hostk8s.dev.deploy;

import java.util.List;

/**
 * Readiness of one rollout target: ready/total pods (terminating pods not counted), the pod names, whether the
 * rollout is complete, and why not (container waiting reason with its message, the last Warning event…).
 */
public record ServiceReadiness(String name, boolean ready, int readyPods, int totalPods, List<String> pods, String reason,
    boolean configured) {
  public ServiceReadiness {
    pods = pods == null ? List.of() : List.copyOf(pods);
  }

  public String summary() {
    return name + " " + readyPods + "/" + totalPods + (ready ? " ready" : " (" + reason + ")");
  }
}
