package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessCalculatorTest {
  static final RolloutTarget VOTE = new RolloutTarget("vote", Map.of("app", "vote"), "vote", true);

  static Pod pod(String name, boolean ready, String waiting) {
    Pod p = new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "vote").endMetadata()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus().build();
    if (waiting != null) {
      p = new PodBuilder(p).editStatus().addNewContainerStatus().withName("vote").withNewState().withNewWaiting().withReason(waiting)
          .withMessage("back-off 10s").endWaiting().endState().endContainerStatus().endStatus().build();
    }
    return p;
  }

  static Deployment deployment(long generation, long observed, int replicas, int statusReplicas, int updated) {
    return new DeploymentBuilder().withNewMetadata().withName("vote").withGeneration(generation).endMetadata()
        .withNewSpec().withReplicas(replicas).endSpec()
        .withNewStatus().withObservedGeneration(observed).withReplicas(statusReplicas).withUpdatedReplicas(updated).endStatus().build();
  }

  static Event event(String pod, String type, String reason, String at) {
    return new EventBuilder().withNewMetadata().withName(pod + "." + at).endMetadata().withType(type).withReason(reason)
        .withMessage(reason + " message").withLastTimestamp(at).withNewInvolvedObject().withKind("Pod").withName(pod).endInvolvedObject().build();
  }

  @Test
  void readyWhenTheRolloutIsCompleteAndEveryPodReady() {
    ServiceReadiness r = ReadinessCalculator.compute(VOTE, List.of(pod("vote-a", true, null)), Optional.of(deployment(2, 2, 1, 1, 1)), List.of());
    assertThat(r.ready()).isTrue();
    assertThat(r.reason()).isNull();
    assertThat(r.pods()).containsExactly("vote-a");
  }

  @Test
  void notReadyWhileTheControllerHasNotSeenTheNewGenerationOrOldPodsRemain() {
    List<Pod> ready = List.of(pod("vote-a", true, null));
    assertThat(ReadinessCalculator.compute(VOTE, ready, Optional.of(deployment(3, 2, 1, 1, 1)), List.of()).reason())
        .isEqualTo("rollout not observed yet");
    assertThat(ReadinessCalculator.compute(VOTE, ready, Optional.of(deployment(3, 3, 1, 2, 1)), List.of()).reason())
        .isEqualTo("rolling out (1 old pod(s) still running)");
    assertThat(ReadinessCalculator.compute(VOTE, ready, Optional.of(deployment(3, 3, 2, 2, 1)), List.of()).reason())
        .isEqualTo("rolling out (1/2 updated)");
  }

  @Test
  void terminatingPodsDoNotCountAndTheWaitingReasonComesFirst() {
    Pod terminating = new PodBuilder(pod("vote-old", true, null)).editMetadata().withDeletionTimestamp("2026-11-26T06:00:00Z").endMetadata().build();
    ServiceReadiness r = ReadinessCalculator.compute(VOTE, List.of(terminating, pod("vote-b", false, "CrashLoopBackOff")),
        Optional.of(deployment(1, 1, 1, 1, 1)), List.of());
    assertThat(r.ready()).isFalse();
    assertThat(r.totalPods()).isEqualTo(1);
    assertThat(r.pods()).containsExactly("vote-b");
    assertThat(r.reason()).isEqualTo("CrashLoopBackOff: back-off 10s");
  }

  @Test
  void theLastWarningEventOfAnUnreadyPodIsAppended() {
    List<Event> events = List.of(event("vote-b", "Warning", "BackOff", "2026-11-26T06:00:02Z"),
        event("vote-b", "Warning", "Unhealthy", "2026-11-26T06:00:09Z"),
        event("vote-b", "Normal", "Pulled", "2026-11-26T06:00:10Z"),
        event("vote-a", "Warning", "Other", "2026-11-26T06:00:11Z"));
    ServiceReadiness r = ReadinessCalculator.compute(VOTE, List.of(pod("vote-a", true, null), pod("vote-b", false, null)),
        Optional.of(deployment(1, 1, 2, 2, 2)), events);
    assertThat(r.ready()).isFalse();
    assertThat(r.readyPods()).isEqualTo(1);
    assertThat(r.reason()).isEqualTo("Running; last event Unhealthy: Unhealthy message");
  }

  @Test
  void noPodsAndNoDeploymentMeansNotDeployed() {
    assertThat(ReadinessCalculator.compute(VOTE, List.of(), Optional.empty(), List.of()).reason()).isEqualTo("not deployed");
    assertThat(ReadinessCalculator.compute(VOTE, List.of(), Optional.of(deployment(1, 1, 1, 0, 0)), List.of()).reason())
        .isEqualTo("no pods yet");
  }
}
