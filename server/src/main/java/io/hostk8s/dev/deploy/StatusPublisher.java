package io.hostk8s.dev.deploy;

import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.status.EventBus;
import io.hostk8s.dev.status.StatusStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds rollout readiness into the StatusStore (configured services, then the manifests' other workloads such as
 * db and redis with {@code dev = false}; each entry's sync state is kept) and
 * publishes a {@code deploy.rollout} event whenever a service's readiness or state changes (the reason without its
 * changing details, as {@link RolloutProgress#state}: a crash loop's back-off milliseconds are not a change).
 */
final class StatusPublisher {
  private final StatusStore status;
  private final EventBus bus;
  private final Map<String, ServiceReadiness> last = new HashMap<>();

  StatusPublisher(StatusStore status, EventBus bus) {
    this.status = status;
    this.bus = bus;
  }

  synchronized void publish(List<ServiceReadiness> readiness) {
    Map<String, ServiceReadiness> configured = new LinkedHashMap<>();
    readiness.forEach(r -> configured.put(r.name(), r));
    if (status != null) {
      status.update(s -> {
        List<ServiceStatus> out = new ArrayList<>();
        for (ServiceStatus old : s.services()) {
          ServiceReadiness r = configured.remove(old.name());
          out.add(r == null ? old : toStatus(r, old.sync()).withMetrics(old.metrics())); // metrics: the watcher's
        }
        configured.values().forEach(r -> out.add(toStatus(r, SyncStatus.OFF)));
        return s.withServices(out);
      });
    }
    for (ServiceReadiness r : readiness) {
      ServiceReadiness before = last.put(r.name(), r);
      if (bus != null && (before == null || before.ready() != r.ready()
          || (!r.ready() && !RolloutProgress.state(before).equals(RolloutProgress.state(r))))) {
        bus.publish(HostK8sEvent.of("deploy.rollout", r.name(), r.summary()));
      }
    }
  }

  private static ServiceStatus toStatus(ServiceReadiness r, SyncStatus sync) {
    return new ServiceStatus(r.name(), r.readyPods(), r.totalPods(), r.pods(), r.ready() ? null : r.reason(), sync, r.configured());
  }
}
