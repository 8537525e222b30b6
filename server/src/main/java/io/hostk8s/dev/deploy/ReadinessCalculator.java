package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.cluster.PodReadiness;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Readiness of a rollout target from the informers' caches. Ready means: the Deployment's controller has seen
 * the latest generation, updated every replica and has no old replica left (as {@code kubectl rollout status}),
 * and exactly {@code spec.replicas} non-terminating pods of the selector exist, all Ready. Reason when not ready: the pods' waiting/terminated reason (via
 * {@link PodReadiness}), plus the last Warning event of an unready pod when there is one.
 */
public final class ReadinessCalculator {
  private ReadinessCalculator() {}

  public static ServiceReadiness compute(RolloutTarget t, List<Pod> allPods, Optional<Deployment> deployment, List<Event> events) {
    List<Pod> pods = podsOf(t, allPods);
    int ready = (int) pods.stream().filter(PodReadiness::isReady).count();
    List<String> names = pods.stream().map(p -> p.getMetadata().getName()).toList();
    int desired = deployment.map(ReadinessCalculator::desired).orElse(Math.max(1, pods.size()));
    String rollout = deployment.map(d -> rolloutGap(d, desired)).orElse(null);
    boolean ok = rollout == null && ready == desired && ready == pods.size() && (deployment.isPresent() || !pods.isEmpty());
    if (ok) {
      return new ServiceReadiness(t.name(), true, ready, pods.size(), names, null, t.configured());
    }
    String reason;
    if (pods.isEmpty()) {
      reason = deployment.isEmpty() ? "not deployed" : (desired == 0 ? "scaled to 0" : "no pods yet");
    } else {
      reason = Objects.requireNonNullElse(PodReadiness.reason(pods), rollout == null ? "waiting for " + desired + " ready pods" : rollout);
    }
    Set<String> unready = pods.stream().filter(p -> !PodReadiness.isReady(p)).map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    Optional<Event> warning = lastWarning(events, unready);
    if (warning.isPresent()) {
      reason = reason + "; last event " + warning.get().getReason() + ": " + warning.get().getMessage();
    }
    return new ServiceReadiness(t.name(), false, ready, pods.size(), names, reason, t.configured());
  }

  /** The target's non-terminating pods (its selector), by name. */
  static List<Pod> podsOf(RolloutTarget t, List<Pod> allPods) {
    return allPods.stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> Workloads.selects(t.selector(), labels(p)))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  static int desired(Deployment d) {
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  /** Why the Deployment's rollout is not complete, or null when it is. */
  static String rolloutGap(Deployment d, int desired) {
    var s = d.getStatus();
    if (!observed(d)) {
      return "rollout not observed yet";
    }
    int updated = s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas();
    int replicas = s.getReplicas() == null ? 0 : s.getReplicas();
    if (updated < desired) {
      return "rolling out (" + updated + "/" + desired + " updated)";
    }
    return replicas > updated ? "rolling out (" + (replicas - updated) + " old pod(s) still running)" : null;
  }

  /** True when the Deployment's controller has seen its latest generation (status describes the current template). */
  static boolean observed(Deployment d) {
    var s = d.getStatus();
    Long generation = d.getMetadata().getGeneration();
    return s != null && (generation == null || (s.getObservedGeneration() != null && s.getObservedGeneration() >= generation));
  }

  static Optional<Event> lastWarning(List<Event> events, Set<String> pods) {
    return events.stream()
        .filter(e -> "Warning".equals(e.getType()) && e.getInvolvedObject() != null
            && "Pod".equals(e.getInvolvedObject().getKind()) && pods.contains(e.getInvolvedObject().getName()))
        .max(Comparator.comparing(ReadinessCalculator::when));
  }

  private static String when(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
      return e.getEventTime().getTime();
    }
    return Objects.requireNonNullElse(e.getMetadata().getCreationTimestamp(), "");
  }

  private static Map<String, String> labels(Pod p) {
    return p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
  }
}
