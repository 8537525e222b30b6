package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 4007 message names every failing service with pod, reason, message and log; one fix per kind. */
class RolloutFailureTest {
  static ContainerProblem problem(String service, String pod, ContainerProblem.State state, String reason, String message, int restarts,
      Integer exit) {
    return new ContainerProblem(service, !service.equals("db"), pod, service, "localhost:5000/hostk8s-" + service + ":dev", state,
        reason, message, restarts, exit);
  }

  @Test
  void everyFailingServiceIsNamedWithItsReasonAndTheCrashLog() {
    ContainerProblem vote = problem("vote", "vote-7d9f-abcde", ContainerProblem.State.WAITING, "CrashLoopBackOff",
        "back-off 40s restarting failed container=vote", 3, 1);
    ContainerProblem vote2 = problem("vote", "vote-7d9f-fghij", ContainerProblem.State.WAITING, "CrashLoopBackOff", "back-off", 3, 1);
    ContainerProblem worker = problem("worker", "worker-55c-xyz", ContainerProblem.State.WAITING, "ImagePullBackOff",
        "Back-off pulling image \"localhost:5000/hostk8s-worker:dev\"", 0, null);
    ContainerProblem db = problem("db", "db-1-abc", ContainerProblem.State.WAITING, "CreateContainerConfigError",
        "secret \"db-credentials\" not found", 0, null);
    HostK8sException e = RolloutFailure.of(List.of(vote, vote2, worker, db),
        Map.of(vote.key(), List.of("Traceback (most recent call last):", "KeyError: 'REDIS_HOST'")), "sample-app");

    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_FAILED);
    assertThat(e.code().code()).isEqualTo(4007);
    assertThat(e.userError()).isTrue();
    assertThat(e.getMessage()).isEqualTo("""
        3 services cannot start.
        vote cannot start: pod vote-7d9f-abcde, container vote: CrashLoopBackOff, restarted 3 times, last exit code 1 \
        — back-off 40s restarting failed container=vote (1 more of its containers/pods alike)
          last 2 log lines:
          | Traceback (most recent call last):
          | KeyError: 'REDIS_HOST'
        worker cannot start: pod worker-55c-xyz, container worker: ImagePullBackOff — Back-off pulling image "localhost:5000/hostk8s-worker:dev"
        db cannot start: pod db-1-abc, container db: CreateContainerConfigError — secret "db-credentials" not found""");
    assertThat(e.suggestions()).containsExactly(
        "Fix what the log of vote shows (above), then deploy again; the whole log: hostk8s-dev logs vote, or "
            + "kubectl logs -n sample-app vote-7d9f-abcde -c vote --previous.",
        "Check the image name of worker (localhost:5000/hostk8s-worker:dev) and that it was pushed to the registry the cluster "
            + "pulls from (hostk8s-dev up builds and pushes the configured services' images).",
        "Do what the message for db says; on a cluster it is usually a ConfigMap or Secret (or a key in it) that the container "
            + "references and that does not exist — create it, or fix the reference.");
  }

  @Test
  void oneServiceHasNoHeadLineAndAnEmptyLogIsSaid() {
    ContainerProblem vote = problem("vote", "vote-1", ContainerProblem.State.WAITING, "CrashLoopBackOff", null, 3, 0);
    HostK8sException e = RolloutFailure.of(List.of(vote), Map.of(), "ns");
    assertThat(e.getMessage()).isEqualTo("vote cannot start: pod vote-1, container vote: CrashLoopBackOff, restarted 3 times, "
        + "last exit code 0\n  its log is empty");
  }

  @Test
  void logLinesAreTheLastOnesCleanedAndCut() {
    String text = "one\n\u001B[31mtwo\u001B[0m\r\nthree\u0007\n" + "x".repeat(300) + "\n\n";
    assertThat(PodLogTail.lines(text, 3)).containsExactly("two", "three", "x".repeat(PodLogTail.MAX_LINE) + " …");
    assertThat(PodLogTail.lines("", 3)).isEmpty();
    assertThat(PodLogTail.lines(null, 3)).isEmpty();
  }
}
