package io.hostk8s.dev.dap;

import io.hostk8s.dev.testbed.Sandbox;
import java.time.Duration;

/**
 * Kills the vote pod {@code kills} times (the Deployment makes a new one each time) under one debug session and
 * counts the rounds in which the session re-attached by itself and a vote stopped at the breakpoint again.
 */
final class PodKillSoak {
  private PodKillSoak() {}

  static int run(Sandbox sandbox, VoteScenario scenario, int kills) throws Exception {
    int ok = 0;
    for (int i = 1; i <= kills; i++) {
      long t0 = System.nanoTime();
      long before = scenario.count("re-attached");
      String pod = VoteSandbox.votePod(sandbox);
      sandbox.replacePod(VoteSandbox.NS, pod);
      long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < end && scenario.count("re-attached") <= before) {
        Thread.sleep(50);
      }
      long reattached = System.nanoTime();
      try {
        scenario.voteStopInspectContinue(i % 2 == 0 ? "a" : "b", Duration.ofSeconds(90));
        ok++;
        System.err.printf("pod kill %d/%d: re-attached after %d ms, stopped again after %d ms more%n", i, kills,
            (reattached - t0) / 1_000_000, (System.nanoTime() - reattached) / 1_000_000);
      } catch (AssertionError e) {
        System.err.printf("pod kill %d/%d: FAILED: %s%n", i, kills, e.getMessage());
      }
    }
    System.err.printf("pod kills survived by the debug session: %d/%d%n", ok, kills);
    return ok;
  }
}
