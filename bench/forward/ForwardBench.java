import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.engine.EngineServices;
import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.forward.Forward;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.status.EngineInfo;
import io.hostk8s.dev.status.PodReadiness;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pod replaced → forward back: deploys vote + redis into a sandbox, forwards vote's HTTP port, replaces the vote pod
 * N times and measures, from the moment the new pod is seen Ready (our own pod watch), how long until the forward
 * moved to it (onPodChange) and until an HTTP GET through the same local port is answered by the new pod.
 * Run: bash bench/forward/forward.sh [rounds]
 */
public class ForwardBench {
  static final String NS = "sample-app";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath();
    int rounds = Integer.parseInt(args[1]);
    Path ws = Files.createTempDirectory("forward-bench-ws");
    Path manifests = Files.createDirectories(ws.resolve("voting-app/k8s/local"));
    for (String m : List.of("00-namespace.yaml", "redis.yaml", "vote.yaml")) {
      Files.copy(repo.resolve("voting-app/k8s/local").resolve(m), manifests.resolve(m));
    }
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(repo, Files.createTempDirectory("forward-bench-sandbox")))) {
      EngineServices engine = new EngineServices(new Workspace(ws, Map.of(), sandbox.kubeconfigPath()),
          new EngineInfo("local", "bench", ProcessHandle.current().pid(), ws.toString()), new SystemProcessRunner());
      try {
        run(sandbox, engine, rounds);
      } finally {
        DeployService.endSession(engine);
        engine.close();
      }
    }
    System.exit(0);
  }

  static void run(Sandbox sandbox, EngineServices engine, int rounds) throws Exception {
    if (!DeployService.deploy(engine, Map.of(), DeployOptions.local().withTimeout(Duration.ofSeconds(240)), Progress.NONE).ready()) {
      throw new IllegalStateException("vote/redis not ready");
    }
    Map<String, Long> readyAt = new ConcurrentHashMap<>();
    KubernetesClient watchClient = sandbox.newClient();
    watchClient.pods().inNamespace(NS).withLabel("app", "vote").watch(new Watcher<Pod>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        if (PodReadiness.isReady(pod)) {
          readyAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
    Forward f = PortForwards.of(engine).open("vote", "http", 80, null);
    f.awaitPod(Duration.ofSeconds(30));
    List<Double> moved = new ArrayList<>();
    List<Double> answered = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      String old = f.pod();
      CountDownLatch move = new CountDownLatch(1);
      long[] movedAt = new long[1];
      String[] to = new String[1];
      AutoCloseable h = f.onPodChange(p -> {
        movedAt[0] = System.nanoTime();
        to[0] = p;
        move.countDown();
      });
      long t0 = System.nanoTime();
      sandbox.replacePod(NS, old);
      long answeredAt = 0;
      while (answeredAt == 0) {
        String body;
        try {
          body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.localPort() + "/")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
          body = "";
        }
        if (to[0] != null && body.contains(to[0])) {
          answeredAt = System.nanoTime();
        } else {
          Thread.sleep(2);
        }
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
          throw new IllegalStateException("round " + i + ": no answer from a new pod within 120 s");
        }
      }
      move.await(1, TimeUnit.SECONDS);
      h.close();
      Long ready = readyAt.get(to[0]);
      if (ready == null) {
        throw new IllegalStateException("our watch never saw " + to[0] + " Ready");
      }
      moved.add((movedAt[0] - ready) / 1e6);
      answered.add((answeredAt - ready) / 1e6);
      total.add((answeredAt - t0) / 1e6);
      System.out.printf("round %2d: %s → %s  ready→moved %6.1f ms  ready→answered %6.1f ms  (replace→answered %7.1f ms)%n",
          i + 1, old, to[0], moved.get(i), answered.get(i), total.get(i));
    }
    System.out.printf("%nrounds %d, load %s%n", rounds, Files.readString(Path.of("/proc/loadavg")).trim());
    print("ready → forward moved (onPodChange)", moved);
    print("ready → HTTP answered by the new pod", answered);
    print("replacePod → HTTP answered (includes pod start)", total);
  }

  static void print(String what, List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    System.out.printf("%-48s median %7.1f ms  p90 %7.1f ms  max %7.1f ms%n", what, s.get(s.size() / 2),
        s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.9) - 1)), s.get(s.size() - 1));
  }
}
