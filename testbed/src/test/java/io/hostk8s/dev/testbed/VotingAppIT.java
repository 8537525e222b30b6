package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real voting app (run-local.sh recipes) deployed from voting-app/k8s/local into the sandbox, measured by its
 * metrics API.
 */
@ExtendWith(SandboxExtension.class)
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class VotingAppIT {

  private static final String NS = "sample-app";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void localManifestsComeUpAndAVoteThroughTheVotePodIsCountedByResult(Sandbox sandbox) throws Exception {
    try {
      deployAndVote(sandbox);
    } catch (Exception | AssertionError e) {
      for (Pod p : sandbox.client().pods().inNamespace(NS).list().getItems()) {
        System.err.println("=== log of " + p.getMetadata().getName() + " " + p.getStatus().getContainerStatuses()
            + "\n" + sandbox.client().pods().inNamespace(NS).withName(p.getMetadata().getName()).getLog());
      }
      throw e;
    }
  }

  private void deployAndVote(Sandbox sandbox) throws Exception {
    Path ws = sandbox.options().workspace();
    Tools.require(ws.resolve("voting-app/run-local.sh"), ws.resolve("voting-app/k8s/local"),
        ws.resolve("voting-app/worker/target/hostk8s-worker.jar"), ws.resolve("voting-app/result/node_modules"),
        Path.of("/usr/bin/redis-server"), Path.of("/usr/lib/postgresql"), Path.of("/usr/bin/node"),
        Path.of("/usr/lib/python3/dist-packages/debugpy"), Path.of("/usr/lib/python3/dist-packages/flask"));
    KubernetesClient client = sandbox.client();
    for (HasMetadata item : manifests(client, ws.resolve("voting-app/k8s/local"))) {
      client.resource(item).fieldManager("voting-app-it").forceConflicts().serverSideApply();
    }
    for (String app : List.of("redis", "db", "vote", "worker", "result")) {
      sandbox.awaitReady(NS, "app=" + app, Duration.ofSeconds(240));
      assertThat(sandbox.awaitRollout(NS, app, Duration.ofSeconds(30)).getStatus().getAvailableReplicas())
          .as(app + " availableReplicas").isEqualTo(1);
    }

    everyPodHasMetrics(client);

    Pod vote = sandbox.awaitReady(NS, "app=vote", Duration.ofSeconds(30)).get(0);
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(vote.getMetadata().getName())
        .portForward(80)) {
      HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + pf.getLocalPort() + "/")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("vote=a")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
    }

    debuggersAnswerThroughPortForwards(sandbox, vote);

    Pod result = sandbox.awaitReady(NS, "app=result", Duration.ofSeconds(30)).get(0);
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(result.getMetadata().getName())
        .portForward(80)) {
      URI scores = URI.create("http://127.0.0.1:" + pf.getLocalPort() + "/api/scores");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      int a = 0;
      String body = "";
      while (a < 1 && System.nanoTime() < deadline) {
        body = HTTP.send(HttpRequest.newBuilder(scores).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"a\"\\s*:\\s*(\\d+)").matcher(body);
        a = m.find() ? Integer.parseInt(m.group(1)) : 0;
        Thread.sleep(300);
      }
      assertThat(a).as("votes for a in " + body).isEqualTo(1);
    }
  }

  /** The metrics API (metrics-server's PodMetrics) measures each of the five pods' processes. */
  private static void everyPodHasMetrics(KubernetesClient client) {
    java.util.Map<String, Long> memory = new java.util.TreeMap<>();
    for (var pm : client.top().pods().metrics(NS).getItems()) {
      String app = pm.getMetadata().getName().substring(0, pm.getMetadata().getName().indexOf('-'));
      memory.put(app, io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
          pm.getContainers().get(0).getUsage().get("memory")).longValue());
    }
    assertThat(memory).containsOnlyKeys("redis", "db", "vote", "worker", "result");
    assertThat(memory.values()).as("resident memory of each pod: " + memory).allMatch(m -> m > (1L << 20));
  }

  /** Readiness never touched the debug ports: debugpy answers a DAP initialize, the worker's JVM a JDWP handshake. */
  private static void debuggersAnswerThroughPortForwards(Sandbox sandbox, Pod vote) throws Exception {
    KubernetesClient client = sandbox.client();
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(vote.getMetadata().getName())
        .portForward(5678); Socket s = new Socket(InetAddress.getLoopbackAddress(), pf.getLocalPort())) {
      s.setSoTimeout(30_000);
      String req = "{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":"
          + "{\"adapterID\":\"python\",\"clientID\":\"testbed\"}}";
      s.getOutputStream().write(("Content-Length: " + req.length() + "\r\n\r\n" + req)
          .getBytes(StandardCharsets.US_ASCII));
      String reply = "";
      for (int i = 0; i < 10 && !reply.contains("\"type\": \"response\""); i++) {
        reply = readDapMessage(s.getInputStream()); // events (telemetry output) may come first
      }
      assertThat(reply).contains("\"command\": \"initialize\"").contains("\"success\": true");
    }
    Pod worker = sandbox.awaitReady(NS, "app=worker", Duration.ofSeconds(30)).get(0);
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(worker.getMetadata().getName())
        .portForward(5005); Socket s = new Socket(InetAddress.getLoopbackAddress(), pf.getLocalPort())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write("JDWP-Handshake".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readNBytes(14), StandardCharsets.US_ASCII))
          .isEqualTo("JDWP-Handshake");
    }
  }

  private static String readDapMessage(InputStream in) throws java.io.IOException {
    StringBuilder header = new StringBuilder();
    while (!header.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      assertThat(c).as("DAP header so far: " + header).isNotNegative();
      header.append((char) c);
    }
    Matcher m = Pattern.compile("Content-Length: (\\d+)").matcher(header);
    assertThat(m.find()).isTrue();
    return new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
  }

  private static List<HasMetadata> manifests(KubernetesClient client, Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
      List<HasMetadata> items = new java.util.ArrayList<>();
      for (Path f : yamls) {
        try (InputStream in = Files.newInputStream(f)) {
          items.addAll(client.load(in).items());
        }
      }
      return items;
    }
  }
}
