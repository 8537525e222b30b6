package io.hostk8s.dev.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.logs.LogBus;
import io.hostk8s.dev.process.ListeningPorts;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * vote run on the host (real Flask under real debugpy) against the sandbox's Redis through a forward: a vote posted
 * to the local URL lands in the cluster's Redis; stop and engine close leave no process behind.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLocalSandboxTest {
  static final String NS = "sample-app";
  static final String PYTHON = "/usr/bin/python3";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static final List<LogBatch> output = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deployRedisAndVote(Sandbox s) throws Exception {
    requirePython();
    sandbox = s;
    ForwardFixtures.copyTree(ForwardFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    engine = ForwardFixtures.voteAndRedisDeployed(ws, s.kubeconfigPath(), Map.of(LocalRuns.PYTHON_ENV, PYTHON));
    LogBus.of(engine).subscribe(output::add);
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      DeployService.endSession(engine);
      engine.close();
    }
  }

  /** The interpreter with debugpy, flask and redis: fails under CI=true when missing, skips otherwise. */
  static void requirePython() throws Exception {
    boolean ok = Files.isExecutable(Path.of(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import debugpy, flask, redis").redirectErrorStream(true).start().waitFor() == 0;
    if (!ok) {
      String reason = PYTHON + " with debugpy, flask and redis is required (apt-get install python3-debugpy python3-flask python3-redis)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: required)");
      }
      org.junit.jupiter.api.Assumptions.abort(reason);
    }
  }

  static EngineServices engine() {
    return ForwardFixtures.engine(ws, sandbox.kubeconfigPath(), Map.of(LocalRuns.PYTHON_ENV, PYTHON));
  }

  /** The sandbox's Redis, read through its kube-proxy port (not our forward): LRANGE votes 0 -1. */
  static String votesInClusterRedis() throws Exception {
    int port = sandbox.serviceLocalPort(NS, "redis", 6379).orElseThrow();
    Process p = new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "LRANGE", "votes", "0", "-1").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  static List<ProcessHandle> adaptersOn(int debugPort) {
    return ProcessHandle.allProcesses().filter(h -> {
      List<String> args = h.info().arguments().map(List::of).orElse(List.of());
      int i = args.indexOf("--port");
      return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(String.valueOf(debugPort))
          && args.stream().anyMatch(a -> a.contains("debugpy"));
    }).toList();
  }

  @Test
  @Order(1)
  @SuppressWarnings("unchecked")
  void voteOnTheHostQueuesVotesInTheClustersRedisThroughTheForward() throws Exception {
    Map<String, Object> r = LocalRuns.of(engine).start("vote", Progress.NONE);
    long pid = (Long) r.get("pid");
    String url = (String) r.get("url");
    Map<String, Object> debug = (Map<String, Object>) r.get("debug");
    int debugPort = (Integer) debug.get("port");
    assertThat(debug.get("host")).isEqualTo("127.0.0.1");
    assertThat(ListeningPorts.listening(debugPort)).as("debugpy listens (checked without connecting)").contains(true);
    assertThat((List<ForwardStatus>) r.get("forwards")).singleElement().satisfies(f -> {
      assertThat(f.service()).isEqualTo("redis");
      assertThat(f.state()).isEqualTo("active");
    });
    assertThat((List<String>) r.get("command")).contains(PYTHON, "debugpy", "devserver.py");

    assertThat(ForwardFixtures.HTTP.send(HttpRequest.newBuilder(URI.create(url + "healthz")).build(), HttpResponse.BodyHandlers.ofString()).body())
        .as("vote on the host reaches Redis").contains("\"redis\":\"ok\"");
    HttpResponse<String> voted = ForwardFixtures.HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "voter_id=runlocaltest1")
        .POST(HttpRequest.BodyPublishers.ofString("vote=b")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(voted.statusCode()).isEqualTo(200);
    assertThat(votesInClusterRedis()).as("the vote is in the cluster's Redis").contains("runlocaltest1").contains("\"vote\": \"b\"");
    assertThat(ForwardFixtures.await(() -> output.stream().anyMatch(b -> b.pod().equals(LocalRuns.LOCAL_POD)
        && b.lines().stream().anyMatch(l -> l.contains("queued vote b from runlocaltest1"))), Duration.ofSeconds(10)))
        .as("the app's output arrives as log lines; got " + output).isTrue();
    assertThat(LocalRuns.of(engine).start("vote", Progress.NONE)).containsEntry("alreadyRunning", true).containsEntry("pid", pid);

    List<ProcessHandle> tree = Stream.concat(Stream.of(ProcessHandle.of(pid).orElseThrow()), ProcessHandle.of(pid).orElseThrow().descendants()).toList();
    List<ProcessHandle> adapters = adaptersOn(debugPort);
    assertThat(adapters).as("debugpy's adapter (detached)").isNotEmpty();
    assertThat(LocalRuns.of(engine).stop("vote")).isTrue();
    assertThat(tree).allSatisfy(h -> assertThat(h.isAlive()).as("pid " + h.pid()).isFalse());
    assertThat(ForwardFixtures.await(() -> adapters.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(5))).isTrue();
    assertThat(ListeningPorts.listening(debugPort)).contains(false);
    assertThat(engine.status().get().forwards()).as("the redis forward it opened is closed").noneMatch(f -> f.service().equals("redis"));
    assertThat(LocalRuns.of(engine).stop("vote")).isFalse();
  }

  @Test
  @Order(2)
  void closingTheEngineKillsTheLocalRun() throws Exception {
    EngineServices other = engine();
    long pid;
    int debugPort;
    try {
      Map<String, Object> r = LocalRuns.of(other).start("vote", Progress.NONE);
      pid = (Long) r.get("pid");
      debugPort = (Integer) ((Map<?, ?>) r.get("debug")).get("port");
    } finally {
      other.close();
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(ForwardFixtures.await(() -> adaptersOn(debugPort).isEmpty(), Duration.ofSeconds(5))).isTrue();
  }

  @Test
  @Order(3)
  void aServiceWithoutALocalConfigurationIsAClearError() {
    assertThatThrownBy(() -> LocalRuns.of(engine).start("worker", Progress.NONE)).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.RUN_LOCAL_NOT_CONFIGURED);
      assertThat(e.suggestions()).singleElement().asString().contains("services.worker.local");
    });
    assertThatThrownBy(() -> LocalRuns.of(engine).start("nope", Progress.NONE))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE));
  }

  @Test
  @Order(4)
  void theCallersHostk8sPythonWinsOverTheEnginesOwn() {
    // the engine's environment says /usr/bin/python3; a CLI attached to it sends its caller's HOSTK8S_PYTHON
    assertThatThrownBy(() -> LocalRuns.of(engine).start("vote", "/nonexistent/caller-python3", Progress.NONE))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RUN_LOCAL_START_FAILED);
          assertThat(e.getMessage()).contains("/nonexistent/caller-python3");
        });
    assertThat(engine.status().get().forwards()).as("the redis forward it opened is closed again").noneMatch(f -> f.service().equals("redis"));
  }
}
