package io.hostk8s.dev.dap;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.sync.SyncBench;
import io.hostk8s.dev.sync.SyncFixtures;
import io.hostk8s.dev.sync.SyncManager;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;

/**
 * Reload bench (bench/reload.sh): save → vote serves the new code in the sandbox, through the product's file sync,
 * with the IDE's debug session attached through the product's adapter and port-forward (breakpoint in the edited
 * handler, checked to stop after every save), then without a debugger — once with Werkzeug's reloader (before,
 * {@code VOTE_RELOADER=werkzeug}), once with devserver.py (after), in one run. Args: [edits=10].
 */
public final class ReloadBench {
  private ReloadBench() {}

  record Run(String name, List<ReloadRound.Result> debug, List<ReloadRound.Result> plain, List<Long> syncMs, List<Long> probeMs) {}

  public static void main(String[] args) throws Exception {
    int edits = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path tmp = Files.createTempDirectory("hostk8s-reload-bench");
    Path ws = SyncFixtures.voteWorkspace(Files.createDirectories(tmp.resolve("ws")));
    List<Run> runs = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(SyncFixtures.repo(), Files.createDirectories(tmp.resolve("state"))));
        EngineServices engine = SyncFixtures.engine(ws, sandbox.kubeconfigPath()); DapServer adapter = DapServer.of(engine)) {
      List<Long> syncMs = Collections.synchronizedList(new ArrayList<>());
      List<Long> probeMs = Collections.synchronizedList(new ArrayList<>());
      engine.events().subscribe(e -> {
        if (e.type().equals("sync.serving")) {
          probeMs.add(((Number) e.data().get("servingMs")).longValue());
        } else if (e.type().equals("sync.batch") && "watch".equals(e.data().get("reason"))) {
          syncMs.add(((Number) e.data().get("latencyMs")).longValue());
        }
      });
      // RELOAD_BENCH_RELOADERS=dev: the after leg alone (the before leg, Werkzeug's reloader under a debugger, can hang)
      for (String reloader : List.of(System.getenv().getOrDefault("RELOAD_BENCH_RELOADERS", "werkzeug,dev").split(","))) {
        deploy(engine, sandbox, ws, reloader);
        syncMs.clear();
        probeMs.clear();
        runs.add(measure(reloader.equals("dev") ? "after: devserver.py (in-place reload)" : "before: Werkzeug reloader (new process per save)",
            engine, adapter, sandbox, ws, edits, syncMs, probeMs));
      }
    }
    print(runs, edits);
  }

  private static void deploy(EngineServices engine, Sandbox sandbox, Path ws, String reloader) throws Exception {
    Path manifest = ws.resolve("voting-app/k8s/local/vote.yaml");
    String yaml = Files.readString(SyncFixtures.repo().resolve("voting-app/k8s/local/vote.yaml"));
    Files.writeString(manifest, yaml.replace("            - name: REDIS_PORT\n              value: \"6379\"\n",
        "            - name: REDIS_PORT\n              value: \"6379\"\n            - name: VOTE_RELOADER\n              value: " + reloader + "\n"));
    SyncFixtures.deploy(engine);
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < end && !onePodWith(sandbox, reloader)) {
      Thread.sleep(200);
    }
    sandbox.awaitReady(SyncFixtures.NS, "app=vote", Duration.ofSeconds(120));
    System.out.println("vote deployed with VOTE_RELOADER=" + reloader + ": pod " + SyncFixtures.votePod(sandbox));
  }

  private static boolean onePodWith(Sandbox sandbox, String reloader) {
    var pods = sandbox.client().pods().inNamespace(SyncFixtures.NS).withLabel("app", "vote").list().getItems();
    return pods.size() == 1 && pods.get(0).getSpec().getContainers().get(0).getEnv().stream()
        .anyMatch(e -> e.getName().equals("VOTE_RELOADER") && reloader.equals(e.getValue()));
  }

  private static Run measure(String name, EngineServices engine, DapServer adapter, Sandbox sandbox, Path ws, int edits, List<Long> syncMs,
      List<Long> probeMs) throws Exception {
    Path appPy = ws.resolve("voting-app/vote/app.py");
    String base = Files.readString(SyncFixtures.repo().resolve("voting-app/vote/app.py"));
    int port = sandbox.serviceLocalPort(SyncFixtures.NS, "vote", 80).orElseThrow();
    SyncManager.of(engine).start("vote");
    ReloadRound.run(appPy, base, "warm-up", port, null);
    Thread.sleep(1_500);
    List<ReloadRound.Result> debug = new ArrayList<>();
    try (DapTestClient ide = new DapTestClient(adapter)) {
      ide.initialize();
      ide.server.setBreakpoints(VoteScenario.breakpointAt(appPy, ReloadRound.breakpointLine(base))).get(10, TimeUnit.SECONDS);
      ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
      ide.attach(Map.of("type", "hostk8s", "request", "attach", "service", "vote"), Duration.ofSeconds(90));
      Thread.sleep(2_000);
      for (int i = 0; i < edits; i++) {
        ReloadRound.Result r = ReloadRound.run(appPy, base, "debug-" + i, port, ide);
        System.out.printf("  %s, debugger attached, save %d: served %d ms, stopped at the breakpoint: %s%n", name, i, r.servedMs(), r.stopped());
        debug.add(r);
        Thread.sleep(1_500);
      }
      ide.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(20, TimeUnit.SECONDS);
    }
    Thread.sleep(1_500);
    List<ReloadRound.Result> plain = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      ReloadRound.Result r = ReloadRound.run(appPy, base, "plain-" + i, port, null);
      System.out.printf("  %s, no debugger, save %d: served %d ms%n", name, i, r.servedMs());
      plain.add(r);
      Thread.sleep(1_500);
    }
    SyncManager.of(engine).stop("vote");
    return new Run(name, debug, plain, new ArrayList<>(syncMs), new ArrayList<>(probeMs));
  }

  private static void print(List<Run> runs, int edits) {
    System.out.printf("%nsave → vote serves the new code (%d saves each; sandbox, load %.1f at the end)%n", edits, load());
    for (Run run : runs) {
      System.out.println(run.name());
      List<ReloadRound.Result> d = run.debug();
      System.out.printf("  debugger attached: p50 %d ms, p95 %d ms, min %d, max %d; breakpoint stopped after %d/%d saves%n",
          pct(d, ReloadRound.Result::servedMs, 50), pct(d, ReloadRound.Result::servedMs, 95), pct(d, ReloadRound.Result::servedMs, 0),
          pct(d, ReloadRound.Result::servedMs, 100), d.stream().filter(ReloadRound.Result::stopped).count(), d.size());
      List<ReloadRound.Result> p = run.plain();
      System.out.printf("  no debugger:       p50 %d ms, p95 %d ms, min %d, max %d%n", pct(p, ReloadRound.Result::servedMs, 50),
          pct(p, ReloadRound.Result::servedMs, 95), pct(p, ReloadRound.Result::servedMs, 0), pct(p, ReloadRound.Result::servedMs, 100));
      System.out.printf("  stages (p50): sync (save → applied in the pod, all saves) %d ms; with the debugger: detect (write → reloader) %s; "
              + "restart/import %s; re-attach (save → new process attached) %s%n",
          pctL(run.syncMs(), 50), figure(d, ReloadRound.Result::detectMs), figure(d, ReloadRound.Result::loadMs),
          figure(d, ReloadRound.Result::reattachMs));
      System.out.printf("  the product's serving probe (sync.serving, %d probes): p50 %d ms, p95 %d ms%n", run.probeMs().size(),
          pctL(run.probeMs(), 50), pctL(run.probeMs(), 95));
    }
  }

  private static String figure(List<ReloadRound.Result> rs, ToLongFunction<ReloadRound.Result> f) {
    long p50 = pct(rs, f, 50);
    return p50 < 0 ? "– (not measured / none)" : p50 + " ms";
  }

  private static long pct(List<ReloadRound.Result> rs, ToLongFunction<ReloadRound.Result> f, int p) {
    return pctL(rs.stream().map(r -> f.applyAsLong(r)).filter(v -> v >= 0).toList(), p);
  }

  static long pctL(List<Long> values, int p) {
    return SyncBench.pct(values, p);
  }

  private static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
