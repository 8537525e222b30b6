package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-lived work belongs to the workspace's engine, whichever terminal started it: a `sync vote` / `forward vote`
 * started by one CLI process is listed and stopped by another, the first then ends by itself; when the owning
 * command ends, an attached one takes the engine over; CLIs racing for ownership give exactly one owner.
 */
@ExtendWith(SandboxExtension.class)
class CrossTerminalWireTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
  @TempDir
  static Path ws;
  static Map<String, String> env;
  private final List<CliProcess> started = new ArrayList<>();

  @BeforeAll
  static void voteAndRedisDeployed(Sandbox sandbox) throws Exception {
    EngineServices engine = ForwardFixtures.voteAndRedisDeployed(ws, sandbox.kubeconfigPath(), Map.of());
    DeployService.endSession(engine);
    engine.close();
    ForwardFixtures.copyTree(ForwardFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    env = Map.of("KUBECONFIG", sandbox.kubeconfigPath().toString());
  }

  @AfterEach
  void stopAll() throws Exception {
    started.forEach(CliProcess::terminate);
    for (CliProcess p : started) {
      p.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      p.close();
    }
  }

  private CliProcess cli(String... args) throws Exception {
    CliProcess p = CliProcess.start(ws, env, args);
    started.add(p);
    return p;
  }

  private static CliRunner once(String... args) throws Exception {
    return CliRunner.run(ws, env, args);
  }

  private static JsonObject status() throws Exception {
    CliRunner r = once("status", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static String syncState(JsonObject status, String service) {
    for (var s : status.getAsJsonArray("services")) {
      if (s.getAsJsonObject().get("name").getAsString().equals(service)) {
        return s.getAsJsonObject().getAsJsonObject("sync").get("state").getAsString();
      }
    }
    throw new AssertionError("no service " + service + " in " + status);
  }

  @Test
  void workStartedInOneTerminalIsListedAndStoppedFromAnotherAndTheFirstEndsByItself() throws Exception {
    CliProcess sync = cli("sync", "vote");
    sync.await(l -> l.startsWith("Watching; Ctrl-C to stop"), 120);
    assertThat(sync.transcript()).contains("[hostk8s] no engine was running for this workspace, so this command runs it");
    JsonObject st = status();
    assertThat(syncState(st, "vote")).as("sync state seen from another terminal").isEqualTo("watching");
    assertThat(st.getAsJsonObject("engine").get("frontEnd").getAsString()).isEqualTo("cli sync vote");

    CliProcess forward = cli("forward", "vote");
    Matcher url = URL.matcher(forward.await(l -> l.startsWith("vote/http: http://127.0.0.1:"), 60));
    assertThat(url.find()).isTrue();
    assertThat(forward.transcript()).contains("[hostk8s] using the workspace's engine (pid " + sync.process.pid() + ", cli sync vote)");
    int port = Integer.parseInt(url.group(1));
    assertThat(ForwardFixtures.get(port, "/healthz").statusCode()).isEqualTo(200);
    CliRunner list = once("forward", "list");
    assertThat(list.out()).as("`forward list` from a third terminal").contains("vote/http: http://127.0.0.1:" + port + "/");

    CliRunner stopSync = once("sync", "stop", "vote");
    assertThat(stopSync.out()).contains("stopped syncing vote");
    sync.await(l -> l.contains("sync vote was stopped from elsewhere"), 30);
    sync.await(l -> l.contains("keeps running the workspace's engine for forward vote/http"), 30);
    assertThat(syncState(status(), "vote")).isEqualTo("off");
    assertThat(ForwardFixtures.get(port, "/healthz").statusCode()).as("the forward lives on in the sync command's engine").isEqualTo(200);

    CliRunner stopForward = once("forward", "stop", "vote");
    assertThat(stopForward.out()).contains("closed 1 forward(s) of vote");
    forward.await(l -> l.contains("forward vote was stopped from elsewhere"), 30);
    assertThat(forward.awaitExit(30)).as(forward.transcript()).isZero();
    sync.await(l -> l.contains("nothing runs in the engine any more"), 30);
    assertThat(sync.awaitExit(30)).as(sync.transcript()).isZero();
    assertThat(Files.exists(ws.resolve(".hostk8s/engine/engine.sock"))).as("socket removed").isFalse();
    assertThat(once("forward", "list").out()).contains("no forwards");
  }

  @Test
  void whenTheOwningCommandEndsAnAttachedOneTakesTheEngineOverOnTheSamePort() throws Exception {
    CliProcess sync = cli("sync", "vote");
    sync.await(l -> l.startsWith("Watching; Ctrl-C to stop"), 120);
    CliProcess forward = cli("forward", "vote");
    Matcher url = URL.matcher(forward.await(l -> l.startsWith("vote/http: http://127.0.0.1:"), 60));
    assertThat(url.find()).isTrue();
    int port = Integer.parseInt(url.group(1));

    sync.terminate(); // Ctrl-C in the owner's terminal
    sync.await(l -> l.contains("stopping the workspace's engine and all it runs: sync vote, forward vote/http"), 30);
    sync.awaitExit(30);
    forward.await(l -> l.contains("stopped; taking over forward vote"), 30);
    forward.await(l -> l.contains("no engine was running for this workspace"), 60);
    assertThat(ForwardFixtures.await(() -> {
      try {
        return ForwardFixtures.get(port, "/healthz").statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }, java.time.Duration.ofSeconds(30))).as("the same local port answers again: " + forward.transcript()).isTrue();
    JsonObject engine = status().getAsJsonObject("engine");
    assertThat(engine.get("pid").getAsLong()).isEqualTo(forward.process.pid());
    assertThat(syncState(status(), "vote")).as("the sync ended with its command").isEqualTo("off");
  }

  @Test
  void logsFollowJoiningAStreamTheEngineAlreadyFollowsStartsWithTheHistory() throws Exception {
    CliProcess forward = cli("forward", "vote");
    Matcher url = URL.matcher(forward.await(l -> l.startsWith("vote/http: http://127.0.0.1:"), 60));
    assertThat(url.find()).isTrue();
    int port = Integer.parseInt(url.group(1));
    assertThat(ForwardFixtures.get(port, "/?probe=history-1").statusCode()).isEqualTo(200);
    CliProcess newOnly = cli("logs", "vote", "-f", "--tail", "0"); // the engine now follows vote, new lines only
    newOnly.await(l -> l.startsWith("[hostk8s] using the workspace's engine"), 60);
    Thread.sleep(1000);
    CliProcess withHistory = cli("logs", "vote", "-f");
    withHistory.await(l -> l.contains("probe=history-1"), 60);
    assertThat(ForwardFixtures.get(port, "/?probe=history-2").statusCode()).isEqualTo(200);
    withHistory.await(l -> l.contains("probe=history-2"), 30);
    newOnly.await(l -> l.contains("probe=history-2"), 30);
    assertThat(newOnly.transcript()).doesNotContain("probe=history-1");
    assertThat(withHistory.transcript().lines().filter(l -> l.contains("probe=history-2")).count()).as(withHistory.transcript()).isEqualTo(1);
  }

  @Test
  void commandsRacingForOwnershipGiveExactlyOneOwner() throws Exception {
    List<CliProcess> racers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      racers.add(cli("logs", "vote", "-f", "--tail", "1"));
    }
    for (CliProcess r : racers) {
      r.await(l -> l.startsWith("[hostk8s] no engine was running") || l.startsWith("[hostk8s] using the workspace's engine"), 120);
    }
    long owners = racers.stream().filter(r -> r.transcript().contains("[hostk8s] no engine was running")).count();
    assertThat(owners).as(racers.stream().map(CliProcess::transcript).toList().toString()).isEqualTo(1);
    CliProcess owner = racers.stream().filter(r -> r.transcript().contains("[hostk8s] no engine was running")).findFirst().orElseThrow();
    assertThat(status().getAsJsonObject("engine").get("pid").getAsLong()).isEqualTo(owner.process.pid());
    for (CliProcess r : racers) {
      if (r != owner) {
        assertThat(r.transcript()).contains("[hostk8s] using the workspace's engine (pid " + owner.process.pid());
      }
    }
  }
}
