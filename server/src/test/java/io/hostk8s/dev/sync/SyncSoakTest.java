package io.hostk8s.dev.sync;

import static io.hostk8s.dev.sync.SyncFixtures.NS;
import static io.hostk8s.dev.sync.SyncFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Soak: the vote pod is replaced 50 times during one sync session; after each, the pod's tree equals the local one. */
@ExtendWith(SandboxExtension.class)
class SyncSoakTest {
  static final int REPLACEMENTS = 50;

  @Test
  void fiftyPodReplacementsEachConvergeToTheLocalTree(Sandbox sandbox, @TempDir Path ws) throws Exception {
    try (EngineServices engine = SyncFixtures.engine(SyncFixtures.voteWorkspace(ws), sandbox.kubeconfigPath())) {
      SyncFixtures.deploy(engine);
      Path vote = ws.resolve("voting-app/vote");
      // the local tree differs from what the image (the sandbox's seed) holds: every new pod needs a reconcile
      Files.writeString(vote.resolve("app.py"), Files.readString(vote.resolve("app.py")) + "\n# edited locally\n");
      Files.writeString(vote.resolve("static/local-only.txt"), "only here");
      SyncSession session = SyncManager.of(engine).start("vote");
      IgnoreModel ignore = session.sources().get(0).ignore();
      int converged = 0;
      long t0 = System.nanoTime();
      for (int n = 1; n <= REPLACEMENTS; n++) {
        String old = SyncFixtures.votePod(sandbox);
        long start = System.nanoTime();
        sandbox.replacePod(NS, old);
        boolean ok = await(() -> {
          try {
            String now = SyncFixtures.votePod(sandbox);
            Path podRoot = sandbox.podHostPath(NS, now, "/usr/local/app").orElseThrow();
            return !now.equals(old) && SyncFixtures.tree(podRoot, ignore).equals(SyncFixtures.tree(vote, ignore));
          } catch (Exception e) {
            return false;
          }
        }, Duration.ofSeconds(60));
        converged += ok ? 1 : 0;
        System.err.printf("soak %d/%d: %s in %d ms%n", n, REPLACEMENTS, ok ? "tree hash equal" : "NOT converged",
            (System.nanoTime() - start) / 1_000_000);
      }
      System.err.printf("soak: %d/%d replacements converged, %d s in all%n", converged, REPLACEMENTS, (System.nanoTime() - t0) / 1_000_000_000);
      assertThat(converged).as("replacements after which the pod tree equals the local tree").isEqualTo(REPLACEMENTS);
    }
  }
}
