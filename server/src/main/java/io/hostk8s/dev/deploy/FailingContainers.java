package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds containers that cannot start. {@link #of} lists the troubled containers of a target's current
 * revision (pure, runs on the informer thread); {@link #fatal} decides which of them fail the rollout now:
 * {@code InvalidImageName}, {@code ErrImageNeverPull}, {@code ImagePullBackOff}, {@code CreateContainerConfigError},
 * {@code CreateContainerError} at once, {@code ErrImagePull} once it has lasted {@code pullGrace} (it can be
 * transient), and a crash loop: not running after {@value #CRASH_LIMIT} or more terminations.
 */
final class FailingContainers {
  static final int CRASH_LIMIT = 3;
  static final Set<String> CANNOT_START = Set.of("InvalidImageName", "ErrImageNeverPull", "ImagePullBackOff",
      "CreateContainerConfigError", "CreateContainerError");
  static final String ERR_IMAGE_PULL = "ErrImagePull";
  private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");
  private static final String HASH_LABEL = "pod-template-hash";

  private final long pullGraceNanos;
  private final Map<String, Long> pullFailingSince = new HashMap<>();

  FailingContainers(Duration pullGrace) {
    this.pullGraceNanos = pullGrace.toNanos();
  }

  /** The containers of {@code pods} (the target's) that failed to start or ended, current revision only. */
  static List<ContainerProblem> of(RolloutTarget t, List<Pod> pods, Optional<Deployment> deployment) {
    List<ContainerProblem> out = new ArrayList<>();
    for (Pod p : currentRevision(pods, deployment)) {
      if (p.getStatus() == null) {
        continue;
      }
      add(out, t, p, p.getStatus().getInitContainerStatuses(), true);
      add(out, t, p, p.getStatus().getContainerStatuses(), false);
    }
    return out;
  }

  /**
   * While a Deployment rolls, its old pods may still crash (the version being replaced): only the newest
   * template's pods ({@code pod-template-hash} of the newest pod) count, and none until the controller has
   * observed the new generation and created at least one updated pod.
   */
  static List<Pod> currentRevision(List<Pod> pods, Optional<Deployment> deployment) {
    if (deployment.isPresent()) {
      Deployment d = deployment.get();
      if (!ReadinessCalculator.observed(d) || d.getStatus().getUpdatedReplicas() == null || d.getStatus().getUpdatedReplicas() == 0) {
        return List.of();
      }
    }
    Optional<String> newest = pods.stream()
        .max(Comparator.comparing((Pod p) -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(p -> p.getMetadata().getName()))
        .map(FailingContainers::hash);
    return newest.isEmpty() || newest.get().isEmpty() ? pods
        : pods.stream().filter(p -> hash(p).isEmpty() || hash(p).equals(newest.get())).toList();
  }

  private static String hash(Pod p) {
    Map<String, String> labels = p.getMetadata().getLabels();
    return labels == null ? "" : labels.getOrDefault(HASH_LABEL, "");
  }

  private static void add(List<ContainerProblem> out, RolloutTarget t, Pod p, List<ContainerStatus> statuses, boolean init) {
    if (statuses == null) {
      return;
    }
    for (ContainerStatus cs : statuses) {
      ContainerState s = cs.getState();
      int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      Integer lastExit = cs.getLastState() != null && cs.getLastState().getTerminated() != null
          ? cs.getLastState().getTerminated().getExitCode() : null;
      ContainerProblem.State state;
      String reason;
      String message = null;
      Integer exit = lastExit;
      if (s != null && s.getWaiting() != null) {
        state = ContainerProblem.State.WAITING;
        reason = Objects.requireNonNullElse(s.getWaiting().getReason(), "Waiting");
        message = s.getWaiting().getMessage();
        if (STARTING.contains(reason) && restarts == 0) {
          continue;
        }
      } else if (s != null && s.getTerminated() != null) {
        state = ContainerProblem.State.TERMINATED;
        exit = s.getTerminated().getExitCode();
        reason = Objects.requireNonNullElse(s.getTerminated().getReason(), "Terminated");
        message = s.getTerminated().getMessage();
        if (init && Integer.valueOf(0).equals(exit)) {
          continue;
        }
      } else {
        state = ContainerProblem.State.RUNNING;
        reason = "Running";
        if (restarts == 0 || init) {
          continue;
        }
      }
      out.add(new ContainerProblem(t.name(), t.configured(), p.getMetadata().getName(), cs.getName(), image(p, cs),
          state, reason, message, restarts, exit));
    }
  }

  private static String image(Pod p, ContainerStatus cs) {
    if (p.getSpec() != null) {
      for (Container c : Workloads.allContainers(p)) {
        if (c.getName().equals(cs.getName())) {
          return c.getImage();
        }
      }
    }
    return cs.getImage();
  }

  /** The problems that fail the rollout at {@code nowNanos} (remembers since when each image pull fails). */
  List<ContainerProblem> fatal(List<ContainerProblem> problems, long nowNanos) {
    Set<String> pulling = new HashSet<>();
    List<ContainerProblem> out = new ArrayList<>();
    for (ContainerProblem p : problems) {
      boolean pullFailure = ERR_IMAGE_PULL.equals(p.reason()) || "ImagePullBackOff".equals(p.reason());
      if (pullFailure) {
        pulling.add(p.key());
      }
      long since = pullFailure ? pullFailingSince.computeIfAbsent(p.key(), k -> nowNanos) : nowNanos;
      if (isFatal(p, nowNanos - since)) {
        out.add(p);
      }
    }
    pullFailingSince.keySet().retainAll(pulling);
    return out;
  }

  private boolean isFatal(ContainerProblem p, long pullFailingNanos) {
    if (p.state() == ContainerProblem.State.WAITING && CANNOT_START.contains(p.reason())) {
      return true;
    }
    if (p.state() == ContainerProblem.State.WAITING && ERR_IMAGE_PULL.equals(p.reason())) {
      return pullFailingNanos >= pullGraceNanos;
    }
    return p.state() != ContainerProblem.State.RUNNING && p.terminations() >= CRASH_LIMIT;
  }
}
