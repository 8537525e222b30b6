package io.hostk8s.dev.protocol;

import java.util.List;

/**
 * Readiness of one service of the app: ready/total pods, pod names, why it is not ready, its sync state, and
 * {@code dev}: true for a service configured in hostk8s.dev.yaml (built, synced, debugged), false for another
 * workload of the manifests (db, redis); null in snapshots of servers before the field (read it as true).
 */
public record ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync, Boolean dev) {
  public ServiceStatus {
    pods = pods == null ? List.of() : List.copyOf(pods);
  }

  /** A configured ("dev") service. */
  public ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync) {
    this(name, ready, total, pods, reason, sync, true);
  }

  public ServiceStatus withSync(SyncStatus s) {
    return new ServiceStatus(name, ready, total, pods, reason, s, dev);
  }

  /** False only for a workload that is not configured in hostk8s.dev.yaml. */
  public boolean isDev() {
    return !Boolean.FALSE.equals(dev);
  }
}
