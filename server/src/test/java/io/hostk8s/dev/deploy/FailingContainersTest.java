package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which containers fail the rollout at once, which after a grace, and which are not this revision's. */
class FailingContainersTest {
  static final RolloutTarget VOTE = new RolloutTarget("vote", Map.of("app", "vote"), "vote", true);

  static Pod waiting(String name, String hash, String reason, int restarts) {
    return pod(name, hash, new ContainerStatusBuilder().withName("vote").withRestartCount(restarts)
        .withNewState().withNewWaiting().withReason(reason).withMessage(reason + " message").endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(restarts > 0 ? 1 : null).endTerminated().endLastState());
  }

  static Pod running(String name, int restarts) {
    return pod(name, "h1", new ContainerStatusBuilder().withName("vote").withRestartCount(restarts)
        .withNewState().withNewRunning().endRunning().endState());
  }

  static Pod pod(String name, String hash, ContainerStatusBuilder status) {
    return new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp("2026-12-01T10:00:0" + name.charAt(name.length() - 1) + "Z")
        .addToLabels("app", "vote").addToLabels("pod-template-hash", hash).endMetadata()
        .withNewSpec().addNewContainer().withName("vote").withImage("localhost:5000/hostk8s-vote:dev").endContainer().endSpec()
        .withNewStatus().withPhase("Pending").withContainerStatuses(status.build()).endStatus().build();
  }

  static Optional<Deployment> deployment(int updated) {
    return Optional.of(new DeploymentBuilder().withNewMetadata().withName("vote").withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(1).endSpec()
        .withNewStatus().withObservedGeneration(2L).withReplicas(2).withUpdatedReplicas(updated).endStatus().build());
  }

  static List<ContainerProblem> problems(Pod... pods) {
    return FailingContainers.of(VOTE, List.of(pods), Optional.empty());
  }

  @Test
  void imagesThatCannotBeUsedAndConfigErrorsFailAtOnce() {
    FailingContainers rules = new FailingContainers(Duration.ofSeconds(5));
    for (String reason : List.of("ErrImageNeverPull", "InvalidImageName", "ImagePullBackOff", "CreateContainerConfigError", "CreateContainerError")) {
      List<ContainerProblem> fatal = rules.fatal(problems(waiting("vote-a1", "h1", reason, 0)), 0);
      assertThat(fatal).as(reason).singleElement().satisfies(p -> {
        assertThat(p.reason()).isEqualTo(reason);
        assertThat(p.message()).isEqualTo(reason + " message");
        assertThat(p.pod()).isEqualTo("vote-a1");
        assertThat(p.image()).isEqualTo("localhost:5000/hostk8s-vote:dev");
        assertThat(p.crashed()).isFalse();
      });
    }
  }

  @Test
  void errImagePullFailsOnlyOnceItHasLastedTheGrace() {
    FailingContainers rules = new FailingContainers(Duration.ofSeconds(5));
    List<ContainerProblem> pulling = problems(waiting("vote-a1", "h1", "ErrImagePull", 0));
    assertThat(rules.fatal(pulling, 0)).isEmpty();
    assertThat(rules.fatal(pulling, Duration.ofSeconds(4).toNanos())).isEmpty();
    assertThat(rules.fatal(List.of(), Duration.ofSeconds(5).toNanos())).as("pulled meanwhile: the clock restarts").isEmpty();
    assertThat(rules.fatal(pulling, Duration.ofSeconds(6).toNanos())).isEmpty();
    assertThat(rules.fatal(pulling, Duration.ofSeconds(11).toNanos())).hasSize(1);
  }

  @Test
  void aCrashLoopFailsAfterThreeTerminationsNotBefore() {
    FailingContainers rules = new FailingContainers(Duration.ofSeconds(5));
    List<ContainerProblem> twice = problems(waiting("vote-a1", "h1", "CrashLoopBackOff", 2));
    assertThat(twice).singleElement().satisfies(p -> {
      assertThat(p.crashed()).isTrue();
      assertThat(p.exitCode()).isEqualTo(1);
      assertThat(p.describe()).isEqualTo("CrashLoopBackOff, restarted 2 times, last exit code 1");
    });
    assertThat(rules.fatal(twice, 0)).isEmpty();
    assertThat(rules.fatal(problems(waiting("vote-a1", "h1", "CrashLoopBackOff", 3)), 0)).hasSize(1);
    assertThat(rules.fatal(problems(running("vote-a1", 5)), 0)).as("running again: give it its chance").isEmpty();
    assertThat(problems(running("vote-a1", 5))).singleElement().satisfies(p -> assertThat(p.crashed()).isTrue());
    Pod terminatedThirdTime = pod("vote-a1", "h1", new ContainerStatusBuilder().withName("vote").withRestartCount(2)
        .withNewState().withNewTerminated().withReason("Error").withExitCode(2).endTerminated().endState());
    assertThat(rules.fatal(problems(terminatedThirdTime), 0)).singleElement()
        .satisfies(p -> assertThat(p.describe()).isEqualTo("Error, restarted 2 times, last exit code 2"));
  }

  @Test
  void startingHealthyAndCompletedInitContainersAreNoProblem() {
    Pod starting = waiting("vote-a1", "h1", "ContainerCreating", 0);
    Pod initDone = new PodBuilder(running("vote-a2", 0)).editStatus().addNewInitContainerStatus().withName("migrate").withRestartCount(0)
        .withNewState().withNewTerminated().withExitCode(0).withReason("Completed").endTerminated().endState().endInitContainerStatus()
        .endStatus().build();
    assertThat(problems(starting, initDone)).isEmpty();
  }

  @Test
  void whileRollingOnlyTheNewTemplatesPodsCount() {
    Pod oldCrashing = waiting("vote-a1", "old", "CrashLoopBackOff", 7);
    Pod newStarting = waiting("vote-b2", "new", "ContainerCreating", 0);
    assertThat(FailingContainers.of(VOTE, List.of(oldCrashing), deployment(0)))
        .as("no updated pod yet: the old one is not judged").isEmpty();
    assertThat(FailingContainers.of(VOTE, List.of(oldCrashing, newStarting), deployment(1))).as("the old revision's crash loop").isEmpty();
    Pod newCrashing = waiting("vote-b2", "new", "CrashLoopBackOff", 3);
    assertThat(FailingContainers.of(VOTE, List.of(oldCrashing, newCrashing), deployment(1)))
        .singleElement().satisfies(p -> assertThat(p.pod()).isEqualTo("vote-b2"));
    Deployment unobserved = new DeploymentBuilder(deployment(1).get()).editMetadata().withGeneration(3L).endMetadata().build();
    assertThat(FailingContainers.of(VOTE, List.of(newCrashing), Optional.of(unobserved))).as("a newer generation is coming").isEmpty();
  }
}
