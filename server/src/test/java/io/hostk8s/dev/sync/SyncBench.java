package io.hostk8s.dev.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.build.DockerIgnore;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Sync benchmark (run by bench/sync.sh): the real vote app in the sandbox.
 * <ol>
 *   <li>save → file in the pod, p50/p95 over N saves of a static file (polling the pod's file every 2 ms);
 *   <li>save → the vote service serves the new code, p50 over M edits of app.py (Flask stat reloader under debugpy,
 *       polling a route through the Service's port every 20 ms);
 *   <li>initial sync of 1,000 files / 20 MB (one listing exec + one tar exec) vs fabric8's per-file {@code upload()}.
 * </ol>
 * Args: [saves=40] [reloads=10] [uploadFiles=200] (fabric8's upload() runs three execs per file: with fewer than
 * 1,000 files its time is extrapolated linearly, and the output says so). Also prints the floor: a bare exec.
 */
public final class SyncBench {
  private SyncBench() {}

  public static void main(String[] args) throws Exception {
    int saves = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int uploadFiles = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path tmp = Files.createTempDirectory("hostk8s-sync-bench");
    Path ws = SyncFixtures.voteWorkspace(Files.createDirectories(tmp.resolve("ws")));
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(SyncFixtures.repo(), Files.createDirectories(tmp.resolve("state"))));
        EngineServices engine = SyncFixtures.engine(ws, sandbox.kubeconfigPath())) {
      SyncFixtures.deploy(engine);
      Path vote = ws.resolve("voting-app/vote");
      List<Long> eventLatencies = Collections.synchronizedList(new ArrayList<>());
      List<Long> probed = Collections.synchronizedList(new ArrayList<>());
      engine.events().subscribe(e -> {
        if (e.type().equals("sync.serving")) {
          probed.add(((Number) e.data().get("servingMs")).longValue());
        }
        if (e.type().equals("sync.batch") && "watch".equals(e.data().get("reason"))) {
          eventLatencies.add(((Number) e.data().get("latencyMs")).longValue());
        }
      });
      SyncSession session = SyncManager.of(engine).start("vote");
      System.out.println("sync started: " + session.status());

      // 0. the floor: one bare exec round trip into the vote container
      PodExec bare = new Fabric8PodExec(engine::kube);
      PodRef voteRef = new PodLocator(engine::kube, SyncFixtures.NS, java.util.Map.of("app", "vote"), "vote").find().get(0);
      List<Long> execs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long t0 = System.nanoTime();
        bare.exec(voteRef, List.of("sh", "-c", "true"), null, Duration.ofSeconds(30));
        execs.add((System.nanoTime() - t0) / 1_000_000);
      }
      System.out.printf("bare exec round trip (sh -c true, 20 runs): p50 %d ms, p95 %d ms%n", pct(execs, 50), pct(execs, 95));

      // 1. save → file in pod
      List<Long> inPod = new ArrayList<>();
      for (int i = 0; i < saves; i++) {
        String content = "save " + i + " " + System.nanoTime();
        Path podFile = podApp(sandbox).resolve("static/bench.txt");
        long t0 = System.nanoTime();
        Files.writeString(vote.resolve("static/bench.txt"), content);
        while (!SyncSessionTest.read(podFile).equals(content)) {
          if (System.nanoTime() - t0 > 30_000_000_000L) {
            throw new IllegalStateException("save " + i + " did not reach the pod in 30 s");
          }
          Thread.sleep(2);
        }
        inPod.add((System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(250);
      }
      System.out.printf("save → file in pod (%d saves, polled): p50 %d ms, p95 %d ms, min %d, max %d%n", saves, pct(inPod, 50), pct(inPod, 95),
          Collections.min(inPod), Collections.max(inPod));
      System.out.printf("  as reported by sync.batch (save → applied): p50 %d ms, p95 %d ms; status p50/p95: %s/%s%n", pct(eventLatencies, 50),
          pct(eventLatencies, 95), session.status().p50Ms(), session.status().p95Ms());

      // 2. save → vote serves the new code
      String base = Files.readString(vote.resolve("app.py"));
      List<Long> serving = new ArrayList<>();
      for (int i = 0; i < reloads; i++) {
        String marker = "bench-v" + i;
        long t0 = System.nanoTime();
        Files.writeString(vote.resolve("app.py"), base + "\n\n@app.route(\"/bench\")\ndef bench():\n    return \"" + marker + "\"\n");
        while (!SyncFixtures.get(sandbox, "/bench").equals("200 " + marker)) {
          if (System.nanoTime() - t0 > 60_000_000_000L) {
            throw new IllegalStateException("reload " + i + " not served in 60 s: " + SyncFixtures.get(sandbox, "/bench"));
          }
          Thread.sleep(20);
        }
        serving.add((System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(1_500);
      }
      System.out.printf("save → vote serves the new code (%d edits of app.py, Flask reloader under debugpy): p50 %d ms, p95 %d ms, min %d, max %d%n",
          reloads, pct(serving, 50), pct(serving, 95), Collections.min(serving), Collections.max(serving));
      System.out.printf("  as the product's serving probe reports it (sync.serving, %d probes): p50 %d ms, p95 %d ms%n", probed.size(),
          pct(probed, 50), pct(probed, 95));

      // 3. initial sync of 1,000 files / 20 MB vs fabric8 per-file upload()
      Path bulk = Files.createDirectories(tmp.resolve("bulk"));
      Random rnd = new Random(42);
      for (int i = 0; i < 1_000; i++) {
        byte[] b = new byte[20 * 1024];
        rnd.nextBytes(b);
        Files.write(Files.createDirectories(bulk.resolve("d" + i % 20)).resolve("f" + i + ".bin"), b);
      }
      PodLocator locator = new PodLocator(engine::kube, SyncFixtures.NS, java.util.Map.of("app", "vote"), "vote");
      IgnoreModel none = IgnoreModel.of(DockerIgnore.none(), ".", List.of(), "-", "-");
      long t0 = System.nanoTime();
      try (SyncSession initial = new SyncSession("bulk", List.of(new SyncSource(0, bulk, "/usr/local/app/bulk", none)), locator,
          new Fabric8PodExec(engine::kube), null, new SyncSession.Listener() {
            @Override
            public void onBatch(BatchReport r) {
              System.out.println("  " + r.describe());
            }

            @Override
            public void onStatus(SyncStatus s) {}
          }, SyncSession.Options.DEFAULT)) {
        initial.start(Duration.ofMinutes(5));
      }
      long ours = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("initial sync 1000 files / 20 MB (listing exec + one tar exec): %d ms%n", ours);

      KubernetesClient kube = engine.kube();
      String pod = SyncFixtures.votePod(sandbox);
      List<Path> files;
      try (var s = Files.walk(bulk)) {
        files = s.filter(Files::isRegularFile).sorted().limit(uploadFiles).toList();
      }
      t0 = System.nanoTime();
      int failed = 0;
      int lost = 0;
      int done = 0;
      for (Path f : files) {
        String rel = bulk.relativize(f).toString();
        var file = kube.pods().inNamespace(SyncFixtures.NS).withName(pod).inContainer("vote").file("/usr/local/app/bulk-upload/" + rel);
        int attempts = 1;
        while (!file.upload(f)) {
          failed++;
          if (++attempts > 3) {
            lost++;
            break;
          }
        }
        if (++done % 100 == 0) {
          System.out.printf("  upload(): %d files after %d ms%n", done, (System.nanoTime() - t0) / 1_000_000);
        }
      }
      if (failed > 0) {
        System.out.printf("  upload() returned false %d time(s); retried up to 3 times (time included); %d file(s) never uploaded%n", failed, lost);
      }
      long theirs = (System.nanoTime() - t0) / 1_000_000;
      long theirsFor1000 = theirs * 1_000 / files.size();
      System.out.printf("fabric8 per-file upload(): %d files in %d ms%s%n", files.size(), theirs,
          files.size() == 1_000 ? "" : " (→ " + theirsFor1000 + " ms for 1000, extrapolated)");
      System.out.printf("ratio upload()/ours: %.1fx%n", theirsFor1000 / (double) ours);
      SyncManager.of(engine).stop("vote");
    }
  }

  static Path podApp(Sandbox sandbox) {
    return sandbox.podHostPath(SyncFixtures.NS, SyncFixtures.votePod(sandbox), "/usr/local/app").orElseThrow();
  }

  public static long pct(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
