package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vote app under real debugpy with Flask's reloader on this machine, attached with {@code target} (no
 * cluster): the breakpoint in the reloader's child stops a vote; an edit reloads the child and the same session
 * stops again; debugpy's own process going away and coming back on the same port is re-attached.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DapDebugpyTest {
  @TempDir
  static Path dir;
  static LocalVote vote;
  static EngineServices engine;
  static DapServer server;
  static DapTestClient ide;
  static VoteScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    VoteSandbox.requireTools();
    vote = new LocalVote(dir);
    engine = new EngineServices(new Workspace(dir.resolve("ws"), Map.of(), null),
        new EngineInfo("owner", "test", ProcessHandle.current().pid(), dir.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no processes");
        });
    server = DapServer.of(engine);
    vote.awaitListening(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (ide != null) {
      ide.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (vote != null) {
      vote.close();
    }
  }

  @Test
  @Order(1)
  void attachWithTargetAndStopInTheReloadersChild() throws Exception {
    ide = new DapTestClient(server);
    scenario = new VoteScenario(ide, vote.httpPort, vote.appDir.resolve("app.py"));
    ide.initialize();
    CompletableFuture<Void> attached = ide.server.attach(vote.attachConfig());
    assertThat(ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS).getBreakpoints()).hasSize(1);
    ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    attached.get(60, TimeUnit.SECONDS);
    assertThat(scenario.awaitSubprocessAttach(0, Duration.ofSeconds(30))).as("child attached; output " + ide.output).isTrue();
    scenario.voteStopInspectContinue("a", Duration.ofSeconds(60));
  }

  @Test
  @Order(2)
  void anEditReloadsTheChildAndTheSessionStopsAgain() throws Exception {
    long before = scenario.count("attached to process");
    Path app = vote.appDir.resolve("app.py");
    Files.writeString(app, Files.readString(app) + "\n# edited by DapDebugpyTest\n");
    assertThat(scenario.awaitSubprocessAttach(before, Duration.ofSeconds(60))).as("reloaded child attached; output " + ide.output
        + "; log " + Files.readString(dir.resolve("vote.log")).lines().filter(l -> !l.startsWith("  /usr")).toList()).isTrue();
    assertThat(ide.output).anyMatch(o -> o.contains("(reloaded)"));
    scenario.voteStopInspectContinue("b", Duration.ofSeconds(60));
  }
}
