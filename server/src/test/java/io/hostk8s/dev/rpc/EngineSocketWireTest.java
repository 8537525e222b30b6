package io.hostk8s.dev.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.lsp.RecordingClient;
import io.hostk8s.dev.lsp.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializedParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One engine per workspace: the IDE's server owns it; the CLI and a second IDE attach to it. */
class EngineSocketWireTest {
  @TempDir
  Path ws;

  @Test
  void cliAndASecondServerAttachToTheOwnerAndTheSocketIsPrivateAndRemovedOnExit() throws Exception {
    Path socket = ws.resolve(".hostk8s/engine/engine.sock");
    try (ServerProcess owner = ServerProcess.start(ws, Map.of(), "lsp")) {
      var remote = owner.connect(new RecordingClient()).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, false)).get(30, TimeUnit.SECONDS);
      remote.initialized(new InitializedParams());
      assertThat(RecordingClient.await(() -> Files.exists(socket), 20_000)).as("owner serves the socket").isTrue();
      // the socket is bound, then narrowed to 0600 — inside a 0700 directory, so nobody else can reach it meanwhile
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
      assertThat(RecordingClient.await(() -> {
        try {
          return PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)).equals("rw-------");
        } catch (java.io.IOException e) {
          return false;
        }
      }, 5_000)).as("socket mode 0600").isTrue();
      assertThat(Files.readString(ws.resolve(".hostk8s/.gitignore"))).contains("*");

      JsonObject status = JsonParser.parseString(io.hostk8s.dev.cli.CliProbe.statusJson(ws)).getAsJsonObject();
      JsonObject engine = status.getAsJsonObject("engine");
      // the CLI ran the command in the owner: the owner's engine answered (not a second, "observed" one)
      assertThat(engine.get("mode").getAsString()).isEqualTo("owner");
      assertThat(engine.get("frontEnd").getAsString()).isEqualTo("lsp");
      assertThat(engine.get("pid").toString()).as("exact integer, not a double").isEqualTo(String.valueOf(owner.process.pid()));

      try (ServerProcess second = ServerProcess.start(ws, Map.of(), "lsp")) {
        RecordingClient client2 = new RecordingClient();
        var remote2 = second.connect(client2).getRemoteProxy();
        remote2.initialize(ServerProcess.initParams(ws, false)).get(30, TimeUnit.SECONDS);
        remote2.initialized(new InitializedParams());
        assertThat(RecordingClient.await(() -> client2.statuses.stream().anyMatch(s -> "attached".equals(s.engine().mode())), 20_000))
            .as("second IDE server relays the owner's status").isTrue();
      }

      remote.shutdown().get(10, TimeUnit.SECONDS);
      remote.exit();
      assertThat(owner.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.exists(socket)).as("socket removed when the owner exits").isFalse();
  }
}
