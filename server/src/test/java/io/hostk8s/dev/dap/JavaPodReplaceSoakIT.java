package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak (failsafe): one debug session on the Java worker through the engine's port-forward while the worker pod is
 * replaced 50 times ({@code -Djava.soak.replacements=N} to change). Each round: delete the pod (the Deployment makes a
 * new one, a new JVM), wait for the session's "re-attached" and for the old worker's exit (in its grace period it may
 * still take a vote from the queue, and the session has followed the forward to the new pod), cast a vote, and require the stop at
 * {@code store.upsert(vote)} with that vote in the variables. Prints n/50 and the re-attach time p50/p95.
 * Run: {@code mvn -B -ntp -o -pl server -am verify -Dit.test=JavaPodReplaceSoakIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@ExtendWith(SandboxExtension.class)
class JavaPodReplaceSoakIT {
  @TempDir
  Path ws;

  @Test
  void theSessionStopsOnTheNextVoteAfterFiftyPodReplacements(Sandbox sandbox) throws Exception {
    WorkerScenario worker = WorkerScenario.deploy(sandbox, ws);
    try (EngineServices engine = VoteSandbox.engine(ws, sandbox);
        DapTestClient ide = new DapTestClient(DapServer.of(engine))) {
      worker.attach(ide);
      WorkerScenario.resume(ide, worker.stoppedWithVote(ide, "soak-0", "a", Duration.ofSeconds(60)));
      int rounds = Integer.getInteger("java.soak.replacements", 50);
      List<Long> reattachMs = new ArrayList<>();
      int ok = 0;
      for (int i = 1; i <= rounds; i++) {
        long before = WorkerScenario.count(ide, "re-attached");
        long t0 = System.nanoTime();
        List<ProcessHandle> old = worker.replaceWorkerPod();
        long end = t0 + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && WorkerScenario.count(ide, "re-attached") <= before) {
          Thread.sleep(20);
        }
        long reattached = System.nanoTime();
        // "the next vote" is one the new JVM takes: the old worker may still take one until it has exited
        assertThat(WorkerScenario.awaitExited(old, Duration.ofSeconds(30))).as("the old worker exited").isTrue();
        try {
          StoppedEventArguments st = worker.stoppedWithVote(ide, "soak-" + i, i % 2 == 0 ? "a" : "b", Duration.ofSeconds(30));
          WorkerScenario.resume(ide, st);
          ok++;
          reattachMs.add((reattached - t0) / 1_000_000);
          System.err.printf("worker pod replacement %d/%d: re-attached after %d ms, stopped on the vote after %d ms more%n", i, rounds,
              (reattached - t0) / 1_000_000, (System.nanoTime() - reattached) / 1_000_000);
        } catch (AssertionError e) {
          System.err.printf("worker pod replacement %d/%d: FAILED: %s%n", i, rounds, e.getMessage());
        }
      }
      reattachMs.sort(null);
      System.err.printf("worker pod replacements survived by the Java debug session: %d/%d; re-attach p50 %d ms, p95 %d ms%n", ok, rounds,
          percentile(reattachMs, 50), percentile(reattachMs, 95));
      assertThat(ok).isEqualTo(rounds);
    }
  }

  static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}
