package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar over stdio: a command that needs a cluster, with none and no Docker, fails with the server's message,
 * its text suggestions and the fix a client offers as a button — Start Sandbox, the only cluster that can start here.
 */
class ErrorFixesWireTest {
  @TempDir
  Path workspace;

  @Test
  void aCommandWithTheClusterStoppedAndNoDockerOffersStartSandbox() throws Exception {
    Map<String, String> env = Map.of("KUBECONFIG", workspace.resolve("none").toString(),
        "DOCKER_HOST", "unix://" + workspace.resolve("no.sock"));
    try (ServerProcess server = ServerProcess.start(workspace, env, "lsp")) {
      var remote = server.connect(new RecordingClient()).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(workspace, false)).get(30, TimeUnit.SECONDS);
      ExecuteCommandParams forward = new ExecuteCommandParams(CommandIds.FORWARD_START, List.of(Map.of("service", "vote")));
      assertThatThrownBy(() -> remote.getWorkspaceService().executeCommand(forward).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(ResponseErrorException.class, e -> {
            assertThat(e.getResponseError().getCode()).isEqualTo(2001);
            assertThat(e.getResponseError().getMessage()).startsWith("No kubeconfig at");
            JsonObject data = (JsonObject) e.getResponseError().getData();
            assertThat(data.getAsJsonArray("suggestions")).isNotEmpty();
            var fixes = data.getAsJsonArray("fixes");
            assertThat(fixes).hasSize(1);
            assertThat(fixes.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("Start Sandbox");
            assertThat(fixes.get(0).getAsJsonObject().get("command").getAsString()).isEqualTo(CommandIds.SANDBOX_UP);
          });
    }
  }
}
