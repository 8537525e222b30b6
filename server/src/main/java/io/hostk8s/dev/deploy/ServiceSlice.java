package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import java.util.Map;

/**
 * The part of the rendered manifests that belongs to one service (deploy of a single service): its workload (the
 * rollout target's Deployment, or the workload its selector picks), the Kubernetes Services that select its pods,
 * and the Namespace so the apply works on an empty cluster. Everything else stays as it is in the cluster.
 */
record ServiceSlice(RolloutTarget target, List<HasMetadata> objects) {

  /** The slice for {@code service} among {@code targets}; UNKNOWN_SERVICE naming the services there are. */
  static ServiceSlice of(String service, List<HasMetadata> objects, List<RolloutTarget> targets) {
    RolloutTarget target = targets.stream().filter(t -> t.name().equals(service)).findFirst()
        .orElseThrow(() -> unknown(service, targets));
    List<HasMetadata> workloads = objects.stream().filter(o -> isWorkloadOf(o, target)).toList();
    List<HasMetadata> mine = objects.stream().filter(o -> o instanceof Namespace || workloads.contains(o)
        || o instanceof Service s && workloads.stream().anyMatch(w -> selects(s, Workloads.podLabels(w)))).toList();
    return new ServiceSlice(target, mine);
  }

  private static boolean isWorkloadOf(HasMetadata o, RolloutTarget target) {
    if (Workloads.template(o).isEmpty()) {
      return false;
    }
    return target.deployment() != null ? "Deployment".equals(o.getKind()) && o.getMetadata().getName().equals(target.deployment())
        : Workloads.selects(target.selector(), Workloads.podLabels(o));
  }

  private static boolean selects(Service s, Map<String, String> podLabels) {
    Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
    return selector != null && !selector.isEmpty() && Workloads.selects(selector, podLabels);
  }

  private static HostK8sException unknown(String service, List<RolloutTarget> targets) {
    List<String> names = targets.stream().map(RolloutTarget::name).toList();
    return HostK8sException.user(ErrorCode.UNKNOWN_SERVICE,
        "Unknown service '" + service + "': the manifests deploy " + String.join(", ", names) + ".",
        "Name one of them (e.g. 'hostk8s-dev deploy " + (names.isEmpty() ? "vote" : names.get(0))
            + "'), or leave the service out to deploy every service.");
  }
}
