package io.hostk8s.dev.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The vote pod's real log (Flask under debugpy in the sandbox) reaches log listeners, and follows a replacement pod. */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogsSandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static final List<LogBatch> batches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deployVoteAndRedis(Sandbox s) throws Exception {
    sandbox = s;
    engine = ForwardFixtures.voteAndRedisDeployed(ws, s.kubeconfigPath(), Map.of());
    LogBus.of(engine).subscribe(batches::add);
  }

  @AfterAll
  static void close() {
    DeployService.endSession(engine);
    engine.close();
  }

  static boolean seen(String pod, String text) {
    return batches.stream().anyMatch(b -> (pod == null || pod.equals(b.pod())) && b.lines().stream().anyMatch(l -> l.contains(text)));
  }

  static void hitVote() throws Exception {
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    assertThat(ForwardFixtures.get(port, "/?probe=logs-test").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void theCurrentPodsLogArrivesInBatchesAndNewLinesFollow() throws Exception {
    LogStreams.Following f = LogStreams.of(engine).follow("vote", 100, Duration.ofSeconds(30));
    assertThat(f.pod()).startsWith("vote-");
    assertThat(f.alreadyFollowing()).isFalse();
    assertThat(ForwardFixtures.await(() -> !batches.isEmpty(), Duration.ofSeconds(30))).as("the tail arrives").isTrue();
    assertThat(batches).allSatisfy(b -> assertThat(b.service()).isEqualTo("vote"));
    hitVote();
    assertThat(ForwardFixtures.await(() -> seen(f.pod(), "probe=logs-test"), Duration.ofSeconds(30)))
        .as("the access-log line of our request, from " + f.pod() + "; got " + batches).isTrue();
    assertThat(LogStreams.of(engine).follow("vote", 100, Duration.ofSeconds(1)).alreadyFollowing()).isTrue();
  }

  @Test
  @Order(2)
  void aRestartOfTheAppProcessPrintsNoPydevdWarning() throws Exception {
    String pod = LogStreams.of(engine).follow("vote", 100, Duration.ofSeconds(30)).pod();
    int before = batches.size();
    // a save of requirements.txt in the pod's app directory: vote's devserver.py (under debugpy) starts a new worker
    // process, which debugpy injects itself into (a .py save would reload in place, in the same process)
    Path reqs = sandbox.podHostPath(NS, pod, "/usr/local/app").orElseThrow().resolve("requirements.txt");
    java.nio.file.Files.writeString(reqs, java.nio.file.Files.readString(reqs) + "\n# restart from LogsSandboxTest\n");
    assertThat(ForwardFixtures.await(() -> batches.subList(before, batches.size()).stream()
        .anyMatch(b -> b.lines().stream().anyMatch(l -> l.contains("restarting the app process"))), Duration.ofSeconds(60)))
        .as("the reloader restarted; got " + batches.subList(before, batches.size())).isTrue();
    assertThat(ForwardFixtures.await(() -> io.hostk8s.dev.cluster.PodReadiness.isReady(sandbox.client().pods().inNamespace(NS).withName(pod).get()),
        Duration.ofSeconds(60))).isTrue();
    hitVote();
    assertThat(ForwardFixtures.await(() -> seen(pod, "probe=logs-test") && batches.subList(before, batches.size()).stream()
        .anyMatch(b -> b.lines().stream().anyMatch(l -> l.contains("probe=logs-test"))), Duration.ofSeconds(30))).isTrue();
    @SuppressWarnings("unchecked")
    List<String> last100 = (List<String>) LogStreams.tail(engine, "vote", 100).get("lines");
    assertThat(last100).as("`logs vote` after a restart: no pydevd warning (Debian's debugpy, fixed in devserver.py's worker_env)")
        .noneMatch(l -> l.contains("pydevd") || l.contains("UserWarning"))
        .anyMatch(l -> l.contains("restarting the app process"));
  }

  @Test
  @Order(3)
  void afterAReplacementTheNewPodsLinesArriveFromItsFirstLineAfterALineSayingSo() throws Exception {
    String old = LogStreams.of(engine).follow("vote", 100, Duration.ofSeconds(30)).pod();
    sandbox.replacePod(NS, old);
    assertThat(ForwardFixtures.await(() -> batches.stream().anyMatch(b -> b.lines().stream()
        .anyMatch(l -> l.startsWith("[hostk8s] now following pod vote-") && l.contains("replaced " + old))), Duration.ofSeconds(120)))
        .as("a line says which pod is followed now; got " + batches).isTrue();
    String now = sandbox.client().pods().inNamespace(NS).withLabel("app", "vote").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && !p.getMetadata().getName().equals(old))
        .map(p -> p.getMetadata().getName()).findFirst().orElseThrow();
    assertThat(ForwardFixtures.await(() -> "vote".equals(sandbox.client().pods().inNamespace(NS).withName(now).get().getMetadata().getLabels().get("app"))
        && io.hostk8s.dev.cluster.PodReadiness.isReady(sandbox.client().pods().inNamespace(NS).withName(now).get()), Duration.ofSeconds(120))).isTrue();
    hitVote();
    assertThat(ForwardFixtures.await(() -> seen(now, "probe=logs-test"), Duration.ofSeconds(30)))
        .as("the new pod's access-log line").isTrue();
    List<String> fromNew = batches.stream().filter(b -> now.equals(b.pod())).flatMap(b -> b.lines().stream()).toList();
    assertThat(fromNew).as("the new pod's log from its first line (Flask's banner), after the line naming it")
        .anyMatch(l -> l.contains("Serving Flask app")).anyMatch(l -> l.contains("Running on"));
    assertThat(batches.stream().flatMap(b -> b.lines().stream()).toList()).as("no API error printed as a log line")
        .noneMatch(l -> l.contains("\"kind\":\"Status\"") || l.contains("has no running container") && !l.startsWith("[hostk8s] "));
  }

  @Test
  @Order(4)
  void stopEndsTheStreamAndATailReadsOnce() throws Exception {
    assertThat(LogStreams.of(engine).stop("vote")).isTrue();
    assertThat(LogStreams.of(engine).stop("vote")).isFalse();
    int before = batches.size();
    hitVote();
    Thread.sleep(1000);
    assertThat(batches).hasSize(before);
    Map<String, Object> tail = LogStreams.tail(engine, "vote", 5);
    assertThat(tail.get("pod")).asString().startsWith("vote-");
    assertThat((List<?>) tail.get("lines")).hasSizeBetween(1, 5).anySatisfy(l -> assertThat(l).asString().contains("probe=logs-test"));
  }

  @Test
  @Order(5)
  void anUnknownServiceIsAClearError() {
    assertThatThrownBy(() -> LogStreams.of(engine).follow("nope", 10, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE));
  }
}
