package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-service readiness from a set of pods (the watcher's cache): ready/total, pod names, why not ready. The
 * configured services come first; then every other workload of the app's namespace (db, redis), named by the
 * pods' controlling Deployment/StatefulSet/DaemonSet, as a service with {@code dev = false}.
 */
public final class ServiceReadiness {
  private ServiceReadiness() {}

  /** One status per configured service; the {@code sync} part is kept from {@code previous}. */
  public static List<ServiceStatus> compute(DevConfig config, List<Pod> pods, List<ServiceStatus> previous) {
    List<ServiceStatus> out = new ArrayList<>();
    for (Map.Entry<String, ServiceConfig> e : config.services().entrySet()) {
      List<Pod> mine = pods.stream().filter(p -> matches(p, e.getValue().selector()))
          .filter(p -> config.namespace().equals(p.getMetadata().getNamespace())).toList();
      int ready = (int) mine.stream().filter(PodReadiness::isReady).count();
      String reason = mine.isEmpty() ? "not deployed" : PodReadiness.reason(mine);
      List<String> names = mine.stream().map(p -> p.getMetadata().getName()).sorted().toList();
      out.add(new ServiceStatus(e.getKey(), ready, mine.size(), names, reason, sync(previous, e.getKey())));
    }
    Map<String, List<Pod>> others = new TreeMap<>();
    for (Pod p : pods) {
      boolean claimed = config.services().values().stream().anyMatch(c -> matches(p, c.selector()));
      String workload = claimed || !config.namespace().equals(p.getMetadata().getNamespace()) ? null : workload(p);
      if (workload != null && !config.services().containsKey(workload)) {
        others.computeIfAbsent(workload, k -> new ArrayList<>()).add(p);
      }
    }
    others.forEach((name, mine) -> out.add(new ServiceStatus(name, (int) mine.stream().filter(PodReadiness::isReady).count(), mine.size(),
        mine.stream().map(p -> p.getMetadata().getName()).sorted().toList(), PodReadiness.reason(mine), SyncStatus.OFF, false)));
    return out;
  }

  /** The workload a pod belongs to: its controller's name (a ReplicaSet's without the template hash), or null. */
  static String workload(Pod pod) {
    for (OwnerReference o : pod.getMetadata().getOwnerReferences()) {
      if (!Boolean.TRUE.equals(o.getController())) {
        continue;
      }
      if ("ReplicaSet".equals(o.getKind())) {
        String hash = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get("pod-template-hash");
        int dash = o.getName().lastIndexOf('-');
        return hash != null && o.getName().endsWith("-" + hash) ? o.getName().substring(0, o.getName().length() - hash.length() - 1)
            : dash > 0 ? o.getName().substring(0, dash) : o.getName();
      }
      return o.getName();
    }
    return null;
  }

  /** Every service with no pods and {@code reason} (cluster gone). */
  public static List<ServiceStatus> unavailable(DevConfig config, String reason, List<ServiceStatus> previous) {
    return config.services().keySet().stream().map(n -> new ServiceStatus(n, 0, 0, List.of(), reason, sync(previous, n))).toList();
  }

  static boolean matches(Pod pod, Map<String, String> selector) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
  }

  private static SyncStatus sync(List<ServiceStatus> previous, String name) {
    return previous.stream().filter(s -> s.name().equals(name)).map(ServiceStatus::sync).findFirst().orElse(SyncStatus.OFF);
  }
}
