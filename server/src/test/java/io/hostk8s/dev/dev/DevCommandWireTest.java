package io.hostk8s.dev.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.dap.DapServer;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DeployArgs;
import io.hostk8s.dev.protocol.commands.args.DevArgs;
import io.hostk8s.dev.protocol.commands.args.DevStopArgs;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.protocol.commands.results.DevResult;
import io.hostk8s.dev.protocol.commands.results.DevStopResult;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.sandbox.SandboxPreflight;
import io.hostk8s.dev.sync.SyncManager;
import io.hostk8s.dev.up.UpWireTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dev loop as a use case of the core, run the way an IDE runs it: {@code hostk8s.dev} through the engine API
 * against the sandbox test bed (a real sandbox process; its pods are local processes), then {@code hostk8s.dev.stop}.
 * What another front end started before (a sync, a forward, the sandbox) outlives the stop; what dev started does not.
 */
class DevCommandWireTest {
  private static final long WAIT_S = 240;
  private Path ws;
  private LocalEngine engine;

  @BeforeEach
  void workspace() throws IOException {
    ws = Files.createTempDirectory("hostk8s-devcmd-");
    DevCtrlCWireTest.copy(UpWireTest.repo().resolve("voting-app"), ws.resolve("voting-app"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (engine != null) {
      engine.close();
    }
    var workspace = new io.hostk8s.dev.core.Workspace(ws, env(), null);
    if (SandboxLauncher.isRunning(workspace)) {
      new SandboxLauncher(new SystemProcessRunner()).down(workspace, Progress.NONE);
    }
    try (Stream<Path> all = Files.walk(ws)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void devThroughTheEngineServesTheVotePageAndItsStopLeavesNothingItStarted() throws Exception {
    engine = Engines.local(ws, env(), null, "owner", "test", DapServer::endpoint);
    EngineServices services = engine.services();
    requireSandboxRuntimes(services);
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    engine.onEvent(events::add);
    // another front end's work first: the sandbox, the app deployed, vote's sync and a forward of its own (not `up`:
    // up now ends with forwards to the http ports itself, and this test is about the forwards dev opens and stops)
    run(CommandIds.SANDBOX_UP, new NoArgs());
    run(CommandIds.DEPLOY, new DeployArgs(null, null, null, null));
    run(CommandIds.SYNC_START, new ServiceArgs("vote"));
    ForwardStatus theirs = (ForwardStatus) run(CommandIds.FORWARD_START, new ForwardStartArgs("vote", null, null, "theirs", "http"));

    DevResult dev = (DevResult) run(CommandIds.DEV, new DevArgs(true, null, "it-run"));

    assertThat(dev.run()).isEqualTo("it-run");
    assertThat(dev.target()).isEqualTo("sandbox");
    assertThat(dev.clusterAction()).isEqualTo("already running");
    assertThat(dev.urls()).containsKeys("vote", "result");
    assertThat(dev.url()).isEqualTo(dev.urls().get("vote"));
    assertThat(dev.summary()).isEqualTo("Ready: vote at " + dev.urls().get("vote") + " · result at " + dev.urls().get("result"));
    assertThat(dev.debugEndpoint()).as(dev.notes().toString()).matches(".*/\\.hostk8s/engine/debug-\\d+-\\d+\\.sock");
    assertThat(dev.started()).as("only what was not running before")
        .contains("sync result", "forward vote/http", "forward result/http", "logs -f vote")
        .doesNotContain("sync vote", "forward vote/theirs", "the sandbox");
    assertThat(events).anySatisfy(e -> assertThat(e.type()).isEqualTo("dev.ready"));
    HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(HttpRequest.newBuilder(URI.create(dev.url())).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("cats").containsIgnoringCase("dogs");

    DevStopResult stop = (DevStopResult) run(CommandIds.DEV_STOP, new DevStopArgs("it-run"));

    assertThat(stop.runs()).containsExactly("it-run");
    assertThat(stop.stopped()).containsExactlyInAnyOrderElementsOf(dev.started());
    assertThat(stop.sandboxStopped()).isFalse();
    assertThat(stop.sandboxKept()).isTrue();
    assertThat(stop.failures()).isEmpty();
    assertThat(services.featureIfPresent(PortForwards.class).list()).extracting(f -> f.service() + "/" + f.name())
        .as("dev's forwards closed, the other one open").containsExactly("vote/" + theirs.name());
    assertThat(services.featureIfPresent(LogStreams.class).followed()).as("log streams left").isEmpty();
    assertThat(services.featureIfPresent(SyncManager.class).running()).as("sync left").containsExactly("vote");
    assertThat(SandboxLauncher.isRunning(services.workspace())).as("the sandbox dev did not start").isTrue();
    int port = Integer.parseInt(dev.url().replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/?$", "$1"));
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      fail("dev's vote forward still accepts connections on " + port);
    } catch (java.net.ConnectException expected) {
      // closed
    }
    DevStopResult again = (DevStopResult) run(CommandIds.DEV_STOP, new DevStopArgs(null));
    assertThat(again.runs()).as("nothing left to stop").isEmpty();
  }

  private Object run(String id, Record args) throws Exception {
    return engine.execute(id, CommandArgs.of(args), Progress.NONE).get(WAIT_S, TimeUnit.SECONDS);
  }

  /** What the sandbox's pods need (redis, postgres, python3-flask, node…): missing fails under CI=true, skips otherwise. */
  private static void requireSandboxRuntimes(EngineServices services) {
    try {
      new SandboxPreflight(new SystemProcessRunner()).require(services.workspace(), Progress.NONE);
    } catch (HostK8sException e) {
      String reason = "sandbox runtimes missing: " + e.getMessage() + " (make setup installs them)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: required)");
      }
      Assumptions.abort(reason);
    }
  }

  private static Map<String, String> env() {
    return Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
  }
}
