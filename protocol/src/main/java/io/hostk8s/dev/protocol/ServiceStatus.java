package io.hostk8s.dev.protocol;

import java.util.List;

/** Readiness of one configured service: ready/total pods, pod names, and why it is not ready. */
public record ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync) {
  public ServiceStatus {
    pods = pods == null ? List.of() : List.copyOf(pods);
  }
}
