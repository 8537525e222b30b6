package io.hostk8s.dev.deploy;

/**
 * A container of a rollout target that is not starting as it should: waiting with a reason of its own
 * ({@code ErrImagePull}, {@code CrashLoopBackOff}, {@code CreateContainerConfigError}…), terminated, or
 * restarted at least once. {@code reason}/{@code message} are the current state's (for a running container
 * that restarted: "Running" and no message); {@code exitCode} is the last known exit code, null when it never
 * ended.
 */
record ContainerProblem(String service, boolean configured, String pod, String container, String image, State state,
    String reason, String message, int restarts, Integer exitCode) {

  enum State { WAITING, RUNNING, TERMINATED }

  /** How many times the container has ended: its restarts, plus the current termination. */
  int terminations() {
    return restarts + (state == State.TERMINATED ? 1 : 0);
  }

  /** True once the container has ended at least once (it started, so it has a log). */
  boolean crashed() {
    return terminations() > 0;
  }

  /** Identifies the container across snapshots. */
  String key() {
    return pod + "/" + container;
  }

  /** "CrashLoopBackOff, restarted 3 times, last exit code 1" / "ErrImageNeverPull". */
  String describe() {
    StringBuilder b = new StringBuilder(reason);
    if (restarts > 0) {
      b.append(", restarted ").append(restarts).append(restarts == 1 ? " time" : " times");
    }
    if (exitCode != null) {
      b.append(", last exit code ").append(exitCode);
    }
    return b.toString();
  }
}
