package io.hostk8s.dev.protocol;

import java.util.List;

/**
 * Readiness of one service of the app: ready/total pods, pod names, why it is not ready, its sync state, and
 * {@code dev}: true for a service configured in hostk8s.dev.yaml (built, synced, debugged), false for another
 * workload of the manifests (db, redis); null in snapshots of servers before the field (read it as true).
 * {@code metrics}: CPU and memory now, from the cluster's metrics API (null: not read, or the cluster has none).
 */
public record ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync, Boolean dev,
    ServiceMetrics metrics) {
  public ServiceStatus {
    pods = pods == null ? List.of() : List.copyOf(pods);
  }

  /** Without metrics. */
  public ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync, Boolean dev) {
    this(name, ready, total, pods, reason, sync, dev, null);
  }

  /** A configured ("dev") service. */
  public ServiceStatus(String name, int ready, int total, List<String> pods, String reason, SyncStatus sync) {
    this(name, ready, total, pods, reason, sync, true);
  }

  public ServiceStatus withSync(SyncStatus s) {
    return new ServiceStatus(name, ready, total, pods, reason, s, dev, metrics);
  }

  public ServiceStatus withMetrics(ServiceMetrics m) {
    return new ServiceStatus(name, ready, total, pods, reason, sync, dev, m);
  }

  /** False only for a workload that is not configured in hostk8s.dev.yaml. */
  public boolean isDev() {
    return !Boolean.FALSE.equals(dev);
  }
}
