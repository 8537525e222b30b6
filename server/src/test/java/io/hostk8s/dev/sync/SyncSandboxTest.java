package io.hostk8s.dev.sync;

import static io.hostk8s.dev.sync.SyncFixtures.NS;
import static io.hostk8s.dev.sync.SyncFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** File sync into the real vote app (Flask reloader under debugpy) running as a sandbox pod. */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncSandboxTest {
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static Path vote;
  static final List<HostK8sEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deployVoteAndRedis(Sandbox s) throws Exception {
    sandbox = s;
    engine = SyncFixtures.engine(SyncFixtures.voteWorkspace(ws), s.kubeconfigPath());
    engine.events().subscribe(events::add);
    SyncFixtures.deploy(engine);
    vote = ws.resolve("voting-app/vote");
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  static Path inPod(String rel) {
    return sandbox.podHostPath(NS, SyncFixtures.votePod(sandbox), "/usr/local/app").orElseThrow().resolve(rel);
  }

  static SyncStatus syncStatus() {
    return engine.status().get().services().stream().filter(s -> s.name().equals("vote")).map(ServiceStatus::sync).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  void savingAppPyChangesWhatTheServiceServes() throws Exception {
    SyncSession session = SyncManager.of(engine).start("vote");
    assertThat(session.status().state()).isEqualTo("watching");
    assertThat(syncStatus().state()).isEqualTo("watching");
    assertThat(SyncFixtures.get(sandbox, "/sync-probe")).startsWith("404");

    Files.writeString(vote.resolve("app.py"), Files.readString(vote.resolve("app.py"))
        + "\n\n@app.route(\"/sync-probe\")\ndef sync_probe():\n    return \"synced-v1\"\n");
    long t0 = System.nanoTime();
    assertThat(await(() -> SyncSessionTest.read(inPod("app.py")).contains("synced-v1"), Duration.ofSeconds(30)))
        .as("app.py in the pod; events: " + events).isTrue();
    System.err.printf("save → app.py in the pod: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(await(() -> SyncFixtures.get(sandbox, "/sync-probe").equals("200 synced-v1"), Duration.ofSeconds(60)))
        .as("the vote page serves the new code; last: %s; pod log: %s", SyncFixtures.get(sandbox, "/sync-probe"), podLogTail()).isTrue();
    System.err.printf("save → vote serves the new code: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(await(() -> syncStatus().lastServingMs() != null, Duration.ofSeconds(15)))
        .as("save → serving measured through vote's readiness probe (/healthz)").isTrue();
    System.err.printf("save → serving as the probe measured it: %d ms%n", syncStatus().lastServingMs());
    assertThat(events).anyMatch(e -> e.type().equals("sync.serving") && ((Number) e.data().get("servingMs")).longValue() > 0);
    assertThat(Files.readString(inPod("app.py"))).isEqualTo(Files.readString(vote.resolve("app.py")));
    assertThat(events).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("sync.batch");
      assertThat(e.data()).containsEntry("reason", "watch").containsEntry("files", 1);
      assertThat(((Number) e.data().get("latencyMs")).longValue()).isGreaterThanOrEqualTo(0);
    });
    SyncStatus s = syncStatus();
    assertThat(s.batches()).isGreaterThanOrEqualTo(1);
    assertThat(s.lastLatencyMs()).isNotNull();
    assertThat(s.p50Ms()).isNotNull();
    assertThat(s.p95Ms()).isGreaterThanOrEqualTo(s.p50Ms());
    assertThat(s.lastFiles()).isEqualTo(1);
    assertThat(s.pod()).isEqualTo(SyncFixtures.votePod(sandbox));
  }

  @Test
  @Order(2)
  void deletionsAndRenamesAreMirroredAndIgnoredFilesStayPut() throws Exception {
    Files.createDirectories(vote.resolve("static/extra/deep"));
    Files.writeString(vote.resolve("static/extra/deep/a.txt"), "a");
    Files.writeString(vote.resolve("static/extra/b.txt"), "b");
    Files.writeString(vote.resolve("notes.txt"), "n");
    Files.writeString(vote.resolve("cache.pyc"), "ignored");
    assertThat(await(() -> Files.exists(inPod("static/extra/deep/a.txt")) && Files.exists(inPod("notes.txt")), Duration.ofSeconds(30))).isTrue();
    assertThat(inPod("cache.pyc")).as("ignored by the rule's *.pyc").doesNotExist();
    assertThat(inPod("Dockerfile.dev")).as("ignored in .dockerignore: the pod's copy is left alone").exists();

    Files.move(vote.resolve("notes.txt"), vote.resolve("static/renamed.txt"));
    Files.delete(vote.resolve("static/extra/deep/a.txt"));
    Files.delete(vote.resolve("static/extra/deep"));
    // tar creates the file before it writes its bytes: wait for the content, not just the name
    assertThat(await(() -> !Files.exists(inPod("notes.txt")) && Files.exists(inPod("static/renamed.txt"))
        && "n".equals(readQuietly(inPod("static/renamed.txt"))) && !Files.exists(inPod("static/extra/deep")), Duration.ofSeconds(30)))
        .as("rename + directory delete mirrored").isTrue();

    // a whole directory removed at once
    Files.delete(vote.resolve("static/extra/b.txt"));
    Files.delete(vote.resolve("static/extra"));
    assertThat(await(() -> !Files.exists(inPod("static/extra")), Duration.ofSeconds(30))).isTrue();
    assertTreesEqual();
  }

  @Test
  @Order(3)
  void anExecThatDiesMidBatchIsRetriedWithoutLosingAnything() throws Exception {
    SyncManager manager = SyncManager.of(engine);
    manager.stop("vote");
    FlakyExec flaky = new FlakyExec(new Fabric8PodExec(engine::kube), 2);
    SyncSession session = manager.start("vote", flaky, SyncSession.Options.DEFAULT);
    int before = events.size();
    Files.createDirectories(vote.resolve("static/batch"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(vote.resolve("static/batch/f" + i + ".txt"), ("file " + i + " ").repeat(500));
    }
    Files.delete(vote.resolve("static/renamed.txt"));
    assertThat(await(() -> treesEqual(session), Duration.ofSeconds(60))).as("converged after the broken sends").isTrue();
    assertThat(flaky.broken.get()).isEqualTo(2);
    assertThat(flaky.applies.get()).isGreaterThanOrEqualTo(3);
    assertThat(await(() -> events.subList(before, events.size()).stream().anyMatch(e -> e.type().equals("sync.batch")
        && ((Number) e.data().get("attempt")).intValue() > 1), Duration.ofSeconds(10))).as("the retried batch is reported").isTrue();
    assertThat(inPod("static/renamed.txt")).doesNotExist();
  }

  @Test
  @Order(4)
  void aReplacedPodGetsTheLocalTreeBackWithoutARebuild() throws Exception {
    for (int i = 1; i <= 3; i++) {
      String old = SyncFixtures.votePod(sandbox);
      sandbox.replacePod(NS, old);
      assertThat(await(() -> {
        try {
          String now = SyncFixtures.votePod(sandbox);
          return !now.equals(old) && treesEqual(SyncManager.of(engine).session("vote"));
        } catch (RuntimeException e) {
          return false;
        }
      }, Duration.ofSeconds(90))).as("replacement " + i + ": the new pod converges").isTrue();
      System.err.printf("replacement %d/3 converged%n", i);
    }
    assertThat(await(() -> SyncFixtures.get(sandbox, "/sync-probe").equals("200 synced-v1"), Duration.ofSeconds(60)))
        .as("the new pod serves the synced code, not the image's").isTrue();
  }

  @Test
  @Order(5)
  void aBurstOfTenThousandEditsAcrossAThousandFilesEndsIdenticalWithBoundedQueues() throws Exception {
    SyncSession session = SyncManager.of(engine).session("vote");
    Path dir = Files.createDirectories(vote.resolve("static/burst"));
    int files = 1_000;
    int rounds = 10;
    long t0 = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      long roundStart = System.nanoTime();
      for (int i = 0; i < files; i++) {
        Files.writeString(dir.resolve("f" + (i % 50) + "-" + i + ".txt"), "round " + round + " file " + i + "\n".repeat(1 + i % 7));
      }
      long pace = 1_000 - (System.nanoTime() - roundStart) / 1_000_000;
      if (pace > 0) {
        Thread.sleep(pace);
      }
    }
    System.err.printf("burst: %d edits across %d files in %d ms%n", files * rounds, files, (System.nanoTime() - t0) / 1_000_000);
    assertThat(await(() -> treesEqual(session), Duration.ofSeconds(120))).as("final state identical in the pod").isTrue();
    System.err.printf("burst converged %d ms after the first edit; most paths pending at once %d, largest plan %d, watcher events %d%n",
        (System.nanoTime() - t0) / 1_000_000, session.maxPending(), session.maxPlanned(), session.events());
    int tree = SyncFixtures.tree(vote, session.sources().get(0).ignore()).size();
    assertThat(session.maxPending()).as("the queue holds one entry per distinct path, not per edit").isLessThanOrEqualTo(tree + 10);
    assertThat(session.maxPlanned()).as("a plan never exceeds the tree").isLessThanOrEqualTo(tree + 10);
    assertThat(session.events()).as("the watcher saw the burst").isGreaterThan(files);
  }

  static String podLogTail() {
    String log = sandbox.client().pods().inNamespace(NS).withName(SyncFixtures.votePod(sandbox)).getLog();
    return log.lines().filter(l -> !l.contains("GET /") && !l.contains("pydev") && !l.startsWith("  /")).toList().toString();
  }

  static boolean treesEqual(SyncSession session) {
    try {
      IgnoreModel ignore = session.sources().get(0).ignore();
      Path podRoot = sandbox.podHostPath(NS, SyncFixtures.votePod(sandbox), "/usr/local/app").orElseThrow();
      return SyncFixtures.tree(vote, ignore).equals(SyncFixtures.tree(podRoot, ignore));
    } catch (Exception e) {
      return false;
    }
  }

  static void assertTreesEqual() throws Exception {
    IgnoreModel ignore = SyncManager.of(engine).session("vote").sources().get(0).ignore();
    Path podRoot = sandbox.podHostPath(NS, SyncFixtures.votePod(sandbox), "/usr/local/app").orElseThrow();
    assertThat(SyncFixtures.tree(podRoot, ignore)).isEqualTo(SyncFixtures.tree(vote, ignore));
  }

  private static String readQuietly(java.nio.file.Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
