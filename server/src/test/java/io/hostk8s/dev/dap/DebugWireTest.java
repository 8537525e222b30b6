package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.lsp.RecordingClient;
import io.hostk8s.dev.lsp.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real server jar, as VS Code does it: the IDE's language server answers hostk8s.debug.endpoint, a DAP
 * client connects there and a vote stops at the breakpoint (real debugpy + Flask reloader on this machine, attached
 * with target); the session shows in hostk8s/status; `hostk8s-dev debug endpoint` attached to that engine prints
 * the same address; without a running engine the CLI says how to get one.
 */
class DebugWireTest {
  @TempDir
  Path dir;

  CliRunner cli(Path cwd, String... args) throws Exception {
    return CliRunner.run(cwd, Map.of(), Duration.ofSeconds(120), args);
  }

  @Test
  void theLanguageServerHandsOutTheAdapterAndAVoteStopsThroughIt() throws Exception {
    VoteSandbox.requireTools();
    Path ws = Files.createDirectories(dir.resolve("ws"));
    try (LocalVote vote = new LocalVote(Files.createDirectories(dir.resolve("vote")));
        ServerProcess server = ServerProcess.start(ws, Map.of(), "lsp")) {
      RecordingClient client = new RecordingClient();
      ServerProcess.Remote lsp = server.connect(client).getRemoteProxy();
      lsp.initialize(ServerProcess.initParams(ws, false)).get(60, TimeUnit.SECONDS);
      lsp.initialized(new InitializedParams());
      JsonObject endpoint = new Gson().toJsonTree(lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(
          "hostk8s.debug.endpoint", List.of(Map.of("type", "hostk8s", "request", "attach", "service", "vote", "sessionId", "s1"))))
          .get(60, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(endpoint.get("host").getAsString()).isEqualTo("127.0.0.1");
      int port = endpoint.get("port").getAsInt();
      String token = endpoint.get("token").getAsString();
      Path socket = Path.of(endpoint.get("path").getAsString());
      assertThat(socket).startsWith(ws.resolve(".hostk8s").resolve("engine"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

      CliRunner attached = cli(ws, "debug", "endpoint", "--json");
      assertThat(attached.exit()).as(attached.err()).isZero();
      JsonObject remote = JsonParser.parseString(attached.out()).getAsJsonObject();
      assertThat(remote.get("port").getAsInt()).as("the CLI ran the command in the IDE's engine").isEqualTo(port);
      assertThat(remote.get("path").getAsString()).isEqualTo(socket.toString());
      assertThat(remote.get("token").getAsString()).as("one token per engine").isEqualTo(token);
      CliRunner human = cli(ws, "debug", "endpoint");
      assertThat(human.out()).contains(socket.toString()).contains("127.0.0.1:" + port).doesNotContain(token);
      assertThat(Files.readString(ws.resolve(".hostk8s").resolve("server.log"), StandardCharsets.UTF_8))
          .as("the token is never logged").doesNotContain(token);

      vote.awaitListening(Duration.ofSeconds(30));
      try (DapTestClient ide = new DapTestClient(AdapterLink.unix(socket))) { // as VS Code: DebugAdapterNamedPipeServer
        VoteScenario scenario = new VoteScenario(ide, vote.httpPort, vote.appDir.resolve("app.py"));
        ide.initialize();
        Map<String, Object> config = new HashMap<>(Map.of("type", "hostk8s", "request", "attach", "service", "vote",
            "target", Map.of("host", "127.0.0.1", "port", vote.debugPort),
            "localRoot", vote.appDir.toString(), "remoteRoot", vote.appDir.toString()));
        CompletableFuture<Void> attachedSession = ide.server.attach(config);
        ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        attachedSession.get(60, TimeUnit.SECONDS);
        scenario.voteStopInspectContinue("a", Duration.ofSeconds(60));
        assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(s -> s.debugSessions().stream()
            .anyMatch(d -> "vote".equals(d.service()) && "attached".equals(d.state()))), 10_000))
            .as("the session in hostk8s/status").isTrue();
      }
    }
    CliRunner alone = cli(Files.createDirectories(dir.resolve("empty")), "debug", "endpoint");
    assertThat(alone.exit()).isEqualTo(1);
    assertThat(alone.err()).contains("6506").contains("hostk8s-dev dev");
  }
}
