package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per-service readiness from a set of pods (the watcher's cache): ready/total, pod names, why not ready. */
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
    return out;
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
