package io.hostk8s.dev.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** Port-forwards to the real vote and redis pods of a sandbox: traffic, pod replacement, errors, stable ports. */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardSandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static PortForwards forwards;
  static final List<HostK8sEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deployVoteAndRedis(Sandbox s) throws Exception {
    sandbox = s;
    engine = ForwardFixtures.voteAndRedisDeployed(ws, s.kubeconfigPath(), java.util.Map.of());
    engine.events().subscribe(events::add);
    forwards = PortForwards.of(engine);
  }

  @AfterAll
  static void close() {
    DeployService.endSession(engine);
    engine.close();
  }

  static String votePod() {
    return sandbox.client().pods().inNamespace(NS).withLabel("app", "vote").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).map(p -> p.getMetadata().getName()).findFirst().orElseThrow();
  }

  static ForwardStatus statusOf(String service, String name) {
    return engine.status().get().forwards().stream().filter(f -> f.service().equals(service) && f.name().equals(name)).findFirst().orElse(null);
  }

  @Test
  @Order(1)
  void aForwardToVotesHttpPortAnswersFromThePod() throws Exception {
    assertThat(PortForwards.of(engine)).as("one manager per engine").isSameAs(forwards);
    Forward f = forwards.open("vote", "http", 80, null);
    String pod = f.awaitPod(Duration.ofSeconds(30));
    assertThat(pod).isEqualTo(votePod());

    HttpResponse<String> r = ForwardFixtures.get(f.localPort(), "/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).as("the page names the pod that served it").contains(pod);
    assertThat(ForwardFixtures.get(f.localPort(), "/healthz").body()).contains("\"redis\":\"ok\"");

    ForwardStatus st = statusOf("vote", "http");
    assertThat(st).isEqualTo(new ForwardStatus("vote", "http", f.localPort(), 80, pod, "active", "http://127.0.0.1:" + f.localPort() + "/"));
    assertThat(forwards.open("vote", "http", 80, null)).as("opening again returns the open forward").isSameAs(f);
  }

  /** Another user of the machine (nobody, through setpriv: needs root) gets nothing through the loopback port. */
  @Test
  @Order(1)
  void anotherLocalUserGetsNothingThroughTheForward() throws Exception {
    org.assertj.core.api.Assumptions.assumeThat((Integer) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
        .as("switching to another user needs root").isZero();
    Forward f = forwards.open("vote", "http", 80, null);
    f.awaitPod(Duration.ofSeconds(30));
    Process nobody = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3",
        "-c", "import urllib.request\ntry:\n print(urllib.request.urlopen('http://127.0.0.1:" + f.localPort() + "/', timeout=20).status)\n"
        + "except Exception as e:\n print('no answer:', type(e).__name__)").redirectErrorStream(true).start();
    assertThat(nobody.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(new String(nobody.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("no answer:");
    assertThat(ForwardFixtures.get(f.localPort(), "/").statusCode()).as("this user's programs still get through").isEqualTo(200);
  }

  @Test
  @Order(2)
  void afterThePodIsReplacedTheSameLocalPortAnswersFromTheNewPod() throws Exception {
    Forward f = forwards.open("vote", "http", 80, null);
    String old = f.awaitPod(Duration.ofSeconds(30));
    List<String> moves = new CopyOnWriteArrayList<>();
    try (AutoCloseable h = f.onPodChange(moves::add)) {
      sandbox.replacePod(NS, old);
      assertThat(ForwardFixtures.await(() -> !moves.isEmpty(), Duration.ofSeconds(120))).as("onPodChange fired").isTrue();
      String now = moves.get(0);
      assertThat(now).isNotEqualTo(old).startsWith("vote-");
      assertThat(f.pod()).isEqualTo(now);
      HttpResponse<String> r = ForwardFixtures.get(f.localPort(), "/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(now);
      assertThat(statusOf("vote", "http")).satisfies(st -> {
        assertThat(st.pod()).isEqualTo(now);
        assertThat(st.state()).isEqualTo("active");
        assertThat(st.localPort()).isEqualTo(f.localPort());
      });
      assertThat(events).anyMatch(e -> e.type().equals("forward.moved") && e.message().contains(now));
    }
  }

  @Test
  @Order(3)
  void aDependencyThatIsOnlyAKubernetesServiceIsForwardedToo() throws Exception {
    Forward f = forwards.open("redis", "redis", 6379, null);
    f.awaitPod(Duration.ofSeconds(30));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.localPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, 7);
      assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
    }
    assertThat(statusOf("redis", "redis").url()).as("not a web port").isNull();
  }

  /**
   * fabric8 stops reading when the local client closes but keeps the websocket (and so the connection in the pod)
   * open; to debugpy that was a client still connected, and the Flask reloader's next child waited for it forever.
   */
  @Test
  @Order(3)
  void aLocalClientThatClosesEndsItsConnectionInThePod() throws Exception {
    Forward f = forwards.open("redis", "redis", 6379, null);
    f.awaitPod(Duration.ofSeconds(30));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.localPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("CLIENT SETNAME hk8s-left\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] ok = s.getInputStream().readNBytes(5);
      assertThat(new String(ok, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
    }
    String clients = "";
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      clients = redisClientList(f.localPort());
      if (!clients.contains("name=hk8s-left")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(clients).as("redis's clients once the local one closed").contains("cmd=client").doesNotContain("name=hk8s-left");
  }

  private static String redisClientList(int port) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("CLIENT LIST\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder header = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        header.append((char) c);
      }
      int len = Integer.parseInt(header.toString().trim().substring(1));
      return new String(in.readNBytes(len), StandardCharsets.US_ASCII);
    }
  }

  @Test
  @Order(4)
  void aClosedForwardReopensOnTheSameLocalPort() throws Exception {
    Forward f = forwards.open("vote", "http", 80, null);
    int port = f.localPort();
    assertThat(forwards.close("vote", "http")).isTrue();
    assertThat(forwards.close("vote", "http")).isFalse();
    assertThat(statusOf("vote", "http")).isNull();
    Forward again = forwards.open("vote", "http", 80, null);
    assertThat(again.localPort()).isEqualTo(port);
    again.awaitPod(Duration.ofSeconds(30));
    assertThat(ForwardFixtures.get(port, "/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void anUnknownServiceIsAClearError() {
    assertThatThrownBy(() -> forwards.open("nope", "http", 80, null)).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
      assertThat(e.getMessage()).contains("'nope'").contains(NS);
      assertThat(e.suggestions()).singleElement().asString().contains("vote").contains("redis");
    });
  }

  @Test
  @Order(6)
  void aServiceWithoutPodsTimesOutWithTheReason() {
    Forward f = forwards.open("worker", "jdwp", 5005, null);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> f.awaitPod(Duration.ofMillis(1500))).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.FORWARD_NO_POD);
      assertThat(e.getMessage()).contains("'worker'").contains("app=worker").contains("no pod matches");
      assertThat(e.suggestions()).singleElement().asString().contains("deploy");
    });
    assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1400L, 20_000L);
    assertThat(statusOf("worker", "jdwp").state()).isEqualTo("reconnecting");
    assertThat(statusOf("worker", "jdwp").pod()).isNull();
  }

  @Test
  @Order(7)
  void aBusyPreferredLocalPortIsAClearError() throws Exception {
    Forward f = forwards.open("vote", "http", 80, null);
    assertThatThrownBy(() -> forwards.open("vote", "other", 80, f.localPort())).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.FORWARD_PORT_IN_USE);
      assertThat(e.getMessage()).contains("127.0.0.1:" + f.localPort());
    });
  }

  @Test
  @Order(8)
  @SuppressWarnings("unchecked")
  void theCommandsDefaultToTheFirstContainerPortAndItsName() throws Exception {
    com.google.gson.JsonObject args = new com.google.gson.JsonObject();
    args.addProperty("service", "redis");
    Object started = new io.hostk8s.dev.command.impl.ForwardStartCommand().run(
        new io.hostk8s.dev.command.CommandContext(engine, io.hostk8s.dev.command.CommandArgs.named(args), io.hostk8s.dev.progress.Progress.NONE));
    assertThat(started).isInstanceOfSatisfying(ForwardStatus.class, st -> {
      assertThat(st.name()).isEqualTo("redis");
      assertThat(st.remotePort()).isEqualTo(6379);
      assertThat(st.state()).isEqualTo("active");
      assertThat(st.pod()).startsWith("redis-");
    });
    Object list = new io.hostk8s.dev.command.impl.ForwardListCommand().run(
        new io.hostk8s.dev.command.CommandContext(engine, io.hostk8s.dev.command.CommandArgs.none(), io.hostk8s.dev.progress.Progress.NONE));
    assertThat((List<Object>) list).contains(started);
    Object stopped = new io.hostk8s.dev.command.impl.ForwardStopCommand().run(
        new io.hostk8s.dev.command.CommandContext(engine, io.hostk8s.dev.command.CommandArgs.named(args), io.hostk8s.dev.progress.Progress.NONE));
    assertThat(stopped).isEqualTo(java.util.Map.of("service", "redis", "closed", List.of("redis")));
    assertThat(statusOf("redis", "redis")).isNull();
  }

  @Test
  @Order(9)
  void aPodWatchThatCannotStartIsRetriedWithBackOffUntilTheApiAnswers() throws Exception {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    List<Long> attempts = new CopyOnWriteArrayList<>();
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    List<String> chosen = new CopyOnWriteArrayList<>();
    ForwardTarget target = ForwardTarget.resolve(engine.kube(), engine.workspace().config().config(), "vote");
    PodTracker tracker = new PodTracker(target, () -> {
      attempts.add(System.nanoTime());
      if (calls.incrementAndGet() <= 3) {
        throw new io.fabric8.kubernetes.client.KubernetesClientException("API down (test)");
      }
      return engine.kube();
    }, timer, (from, to) -> chosen.add(String.valueOf(to)));
    try {
      tracker.start();
      assertThat(ForwardFixtures.await(() -> tracker.pod() != null, Duration.ofSeconds(30))).isTrue();
      assertThat(tracker.pod()).isEqualTo(votePod());
      assertThat(calls.get()).isEqualTo(4);
      assertThat(tracker.lastError()).contains("API down (test)");
      long first = attempts.get(1) - attempts.get(0);
      long second = attempts.get(2) - attempts.get(1);
      assertThat(first / 1_000_000).as("first retry after the minimum back-off").isGreaterThanOrEqualTo(PodTracker.MIN_BACKOFF_MS - 20);
      assertThat(second).as("the back-off doubles").isGreaterThan(first);
      assertThat(chosen).containsExactly(votePod());
    } finally {
      tracker.close();
      timer.shutdownNow();
    }
  }

  @Test
  @Order(10)
  void aConnectionThatFailsMarksTheForwardReconnectingUntilThePodsAreReadAgain() throws Exception {
    List<String> states = new CopyOnWriteArrayList<>();
    engine.status().onChange(st -> st.forwards().stream().filter(f -> f.name().equals("closed-port")).forEach(f -> states.add(f.state())));
    Forward f = forwards.open("vote", "closed-port", 5999, null); // nothing listens on 5999 in the pod
    f.awaitPod(Duration.ofSeconds(30));
    assertThat(ForwardFixtures.await(() -> "active".equals(statusOf("vote", "closed-port").state()), Duration.ofSeconds(5))).isTrue();
    states.clear();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.localPort())) {
      s.setSoTimeout(10_000);
      assertThat(s.getInputStream().read()).as("the connection is closed: nothing listens there").isEqualTo(-1);
    }
    assertThat(ForwardFixtures.await(() -> ((ManagedForward) f).lastError() != null, Duration.ofSeconds(10)))
        .as("the connection's error is recorded").isTrue();
    assertThat(((ManagedForward) f).lastError()).contains("5999");
    assertThat(ForwardFixtures.await(() -> states.contains("reconnecting") && "active".equals(statusOf("vote", "closed-port").state()),
        Duration.ofSeconds(20))).as("reconnecting, then active again once the pod is confirmed; states " + states).isTrue();
    forwards.close("vote", "closed-port");
  }
}
