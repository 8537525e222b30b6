package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real vote app (Flask reloader under real debugpy) in a sandbox pod, debugged through the adapter's real
 * socket by an lsp4j.debug client, attached with the pod's debug port as {@code target}: a breakpoint in the POST
 * route hit by a vote through the vote Service, stack and variables (Redis read from the stopped frame),
 * continue; an edit of app.py in the pod is reloaded in place (vote's devserver.py) and the session stops again without
 * a new process to attach; the pod's process killed and restarted by the kubelet → the session re-attaches by itself and stops
 * again.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DapSandboxTest {
  static final String NS = VoteSandbox.NS;
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static DapServer server;
  static DapTestClient ide;
  static VoteScenario scenario;
  static String pod;

  @BeforeAll
  static void voteUnderDebugpy(Sandbox s) throws Exception {
    VoteSandbox.requireTools();
    sandbox = s;
    VoteSandbox.apply(s, "00-namespace.yaml", "redis.yaml");
    engine = VoteSandbox.engine(ws, s);
    server = DapServer.of(engine);
  }

  @Test
  @Order(0)
  void attachingBeforeThePodExistsIsAClearErrorAndTheAdapterKeepsServing() throws Exception {
    try (RawDap c = new RawDap(AdapterLink.unix(server))) {
      c.request(1, "initialize", "{\"adapterID\": \"hostk8s\"}");
      c.response(Duration.ofSeconds(10));
      c.request(2, "attach", "{\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"vote\", \"timeout\": 3}");
      com.google.gson.JsonObject r = c.response(Duration.ofSeconds(30));
      assertThat(r.get("success").getAsBoolean()).as(r.toString()).isFalse();
      assertThat(r.get("request_seq").getAsInt()).isEqualTo(2);
      assertThat(r.get("message").getAsString()).as(r.toString()).containsIgnoringCase("vote").contains("Fix:");
      System.err.println("attach before the pod exists: " + r.get("message").getAsString());
    }
    pod = VoteSandbox.deploy(sandbox);
  }

  @AfterAll
  static void close() throws Exception {
    if (ide != null) {
      ide.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  @Order(1)
  void aVoteStopsAtTheBreakpointWithRedisDataInTheFrame() throws Exception {
    ide = new DapTestClient(server);
    scenario = new VoteScenario(ide, sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow(), ws.resolve("voting-app/vote/app.py"));
    ide.initialize();
    Map<String, Object> config = new HashMap<>();
    config.put("type", "hostk8s");
    config.put("request", "attach");
    config.put("service", "vote");
    config.put("target", Map.of("host", "127.0.0.1", "port", sandbox.podLocalPort(NS, pod, 5678).orElseThrow()));
    CompletableFuture<Void> attached = ide.server.attach(config);
    ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
    ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    attached.get(60, TimeUnit.SECONDS);
    assertThat(engine.status().get().debugSessions())
        .extracting(DebugSessionStatus::service, DebugSessionStatus::runtime, DebugSessionStatus::state)
        .containsExactly(Tuple.tuple("vote", "python", "ended"), Tuple.tuple("vote", "python", "attached"));
    scenario.voteStopInspectContinue("a", Duration.ofSeconds(90));
  }

  @Test
  @Order(2)
  void anEditOfAppPyInThePodReloadsTheAppInPlaceAndTheSameSessionStopsAgainWithoutReattaching() throws Exception {
    long before = scenario.count("attached to process");
    Path app = sandbox.podHostPath(NS, pod, "/usr/local/app").orElseThrow().resolve("app.py");
    java.nio.file.Files.writeString(app, java.nio.file.Files.readString(app)
        + "\n\n@app.route(\"/edited\")\ndef edited():\n    return \"edited in the pod\"\n");
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end && !body(port, "/edited").equals("edited in the pod")) {
      Thread.sleep(50);
    }
    assertThat(body(port, "/edited")).as("the edit is served").isEqualTo("edited in the pod");
    scenario.voteStopInspectContinue("b", Duration.ofSeconds(90));
    assertThat(scenario.count("attached to process")).as("reloaded in place: no new process to attach; output " + ide.output)
        .isEqualTo(before);
  }

  private static String body(int port, String path) {
    try {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
    } catch (java.io.IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  @Test
  @Order(3)
  void whenThePodsProcessRestartsTheSessionReattachesAndStopsAgain() throws Exception {
    long before = scenario.count("re-attached");
    ProcessHandle main = sandbox.podProcess(NS, pod).orElseThrow();
    main.descendants().forEach(ProcessHandle::destroyForcibly);
    main.destroyForcibly();
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < end && scenario.count("re-attached") <= before) {
      Thread.sleep(100);
    }
    assertThat(scenario.count("re-attached")).as("output: " + ide.output).isGreaterThan(before);
    scenario.voteStopInspectContinue("b", Duration.ofSeconds(90));
    assertThat(engine.status().get().debugSessions()).last().extracting(DebugSessionStatus::state).isEqualTo("attached");
  }

  @Test
  @Order(4)
  void disconnectEndsTheSessionAndLeavesTheAppRunning() throws Exception {
    ide.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
    ide.close();
    assertThat(engine.status().get().debugSessions()).last().extracting(DebugSessionStatus::state).isEqualTo("ended");
    assertThat(sandbox.podProcess(NS, VoteSandbox.votePod(sandbox))).isPresent();
  }

  @Test
  @Order(5)
  void throughThePortForwardTheSessionSurvivesPodKills() throws Exception {
    ide = new DapTestClient(server);
    scenario = new VoteScenario(ide, sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow(), ws.resolve("voting-app/vote/app.py"));
    ide.initialize();
    ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
    ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    ide.attach(Map.of("type", "hostk8s", "request", "attach", "service", "vote"), Duration.ofSeconds(60));
    assertThat(engine.status().get().forwards()).anySatisfy(f -> assertThat(f.name()).isEqualTo("debug"));
    scenario.voteStopInspectContinue("a", Duration.ofSeconds(90));
    int kills = Integer.getInteger("dap.soak.kills", 3);
    assertThat(PodKillSoak.run(sandbox, scenario, kills)).as("output: " + ide.output).isEqualTo(kills);
    assertThat(engine.status().get().debugSessions()).last().extracting(DebugSessionStatus::state).isEqualTo("attached");
  }

  @Test
  @Order(6)
  void launchLocalRunsVoteOnTheHostAgainstTheSandboxRedisAndStopsItAfterwards(@TempDir Path localWs) throws Exception {
    LocalVote.copy(VoteSandbox.repo().resolve("voting-app/vote"), localWs.resolve("voting-app/vote"));
    Path app = localWs.resolve("voting-app/vote/app.py");
    try (EngineServices local = new EngineServices(new Workspace(localWs, Map.of(LocalRuns.PYTHON_ENV, VoteSandbox.PY), sandbox.kubeconfigPath()),
        new EngineInfo("owner", "test", ProcessHandle.current().pid(), localWs.toString()), new SystemProcessRunner());
        DapTestClient client = new DapTestClient(DapServer.of(local))) {
      client.initialize();
      client.server.launch(Map.of("type", "hostk8s", "request", "launch", "service", "vote", "local", true)).get(120, TimeUnit.SECONDS);
      VoteScenario onHost = new VoteScenario(client, URI.create(String.valueOf(
          LocalRuns.of(local).start("vote", Progress.NONE).get("url"))).getPort(), app);
      client.server.setBreakpoints(onHost.breakpoint()).get(10, TimeUnit.SECONDS);
      client.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
      onHost.voteStopInspectContinue("a", Duration.ofSeconds(60));
      client.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(30, TimeUnit.SECONDS);
      assertThat(LocalRuns.of(local).running()).as("the run this launch started is stopped with the session").isEmpty();
    }
  }

  @Test
  @Order(7)
  void afterTheForwardedSessionDisconnectsAnEditIsStillServed() throws Exception {
    ide.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(20, TimeUnit.SECONDS);
    ide.close();
    String now = VoteSandbox.votePod(sandbox);
    Path app = sandbox.podHostPath(NS, now, "/usr/local/app").orElseThrow().resolve("app.py");
    Files.writeString(app, Files.readString(app) + "\n\n@app.route(\"/after-disconnect\")\ndef after_disconnect():\n    return \"reloaded\"\n");
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    String body = "";
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end && !body.equals("reloaded")) {
      try {
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/after-disconnect"))
            .timeout(Duration.ofSeconds(3)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        body = r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
      } catch (java.io.IOException e) {
        body = e.toString();
      }
      Thread.sleep(200);
    }
    assertThat(body).as("a debugger that left through the forward must not hold the reloaded app").isEqualTo("reloaded");
  }
}
