package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user debugs vote, disconnects, then edits app.py: the reloader's next child must serve the edit — a
 * debugger that left must not leave the app waiting for it (found in real VS Code).
 */
class DisconnectThenReloadTest {
  @TempDir
  Path dir;

  @Test
  void afterDisconnectAnEditIsServedByTheReloadedApp() throws Exception {
    VoteSandbox.requireTools();
    EngineServices engine = new EngineServices(new Workspace(dir.resolve("ws"), Map.of(), null),
        new EngineInfo("owner", "test", ProcessHandle.current().pid(), dir.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no processes");
        });
    try (LocalVote vote = new LocalVote(dir); DapServer server = DapServer.of(engine)) {
      vote.awaitListening(Duration.ofSeconds(30));
      try (DapTestClient ide = new DapTestClient(server)) {
        VoteScenario scenario = new VoteScenario(ide, vote.httpPort, vote.appDir.resolve("app.py"));
        ide.initialize();
        CompletableFuture<Void> attached = ide.server.attach(vote.attachConfig());
        ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        attached.get(60, TimeUnit.SECONDS);
        assertThat(scenario.awaitSubprocessAttach(0, Duration.ofSeconds(30))).as("child attached; output " + ide.output).isTrue();
        scenario.voteStopInspectContinue("a", Duration.ofSeconds(60));
        ide.server.disconnect(new DisconnectArguments()).get(20, TimeUnit.SECONDS);
      }
      Path app = vote.appDir.resolve("app.py");
      Files.writeString(app, Files.readString(app) + "\n\n@app.route(\"/after-disconnect\")\ndef after_disconnect():\n    return \"reloaded\"\n");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      String body = "";
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < end && !body.equals("reloaded")) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vote.httpPort + "/after-disconnect"))
              .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
          body = r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
        } catch (java.io.IOException e) {
          body = e.toString();
        }
        Thread.sleep(200);
      }
      assertThat(body).as("the edit served after the debugger left; log: "
          + Files.readString(dir.resolve("vote.log")).lines().filter(l -> !l.startsWith("  /usr")).toList()).isEqualTo("reloaded");
    } finally {
      engine.close();
    }
  }
}
