package io.hostk8s.dev.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodChoiceTest {
  static Pod pod(String name, String created, String phase, boolean ready, boolean deleting) {
    return new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created)
        .withDeletionTimestamp(deleting ? "2026-01-01T00:00:09Z" : null).endMetadata()
        .withNewStatus().withPhase(phase).addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
        .build();
  }

  @Test
  void theNewestReadyPodIsChosenFirst() {
    List<Pod> pods = List.of(pod("a", "2026-01-01T00:00:01Z", "Running", true, false), pod("b", "2026-01-01T00:00:02Z", "Running", true, false),
        pod("c", "2026-01-01T00:00:03Z", "Pending", false, false));
    assertThat(PodChoice.choose(pods, null)).isEqualTo("b");
  }

  @Test
  void theCurrentPodIsKeptWhileReadyEvenWhenANewerOneIsReady() {
    List<Pod> pods = List.of(pod("a", "2026-01-01T00:00:01Z", "Running", true, false), pod("b", "2026-01-01T00:00:02Z", "Running", true, false));
    assertThat(PodChoice.choose(pods, "a")).isEqualTo("a");
  }

  @Test
  void aNotReadyButRunningCurrentPodIsKeptWhileNoOtherIsReady() {
    // a debuggee paused at a breakpoint fails its readiness probe: moving away would end the debug session
    assertThat(PodChoice.choose(List.of(pod("a", "2026-01-01T00:00:01Z", "Running", false, false)), "a")).isEqualTo("a");
    assertThat(PodChoice.choose(List.of(pod("a", "2026-01-01T00:00:01Z", "Running", false, false),
        pod("b", "2026-01-01T00:00:02Z", "Running", true, false)), "a")).isEqualTo("b");
  }

  @Test
  void terminatingMissingOrNotRunningPodsAreLeft() {
    assertThat(PodChoice.choose(List.of(pod("a", "2026-01-01T00:00:01Z", "Running", true, true)), "a")).isNull();
    assertThat(PodChoice.choose(List.of(pod("b", "2026-01-01T00:00:02Z", "Pending", false, false)), "a")).isNull();
    assertThat(PodChoice.choose(List.of(pod("a", "2026-01-01T00:00:01Z", "Failed", false, false)), "a")).isNull();
    assertThat(PodChoice.choose(List.of(), null)).isNull();
  }
}
