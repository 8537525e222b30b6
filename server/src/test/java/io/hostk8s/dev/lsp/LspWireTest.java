package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar over stdio, driven by an lsp4j client: lifecycle, commands, status, progress. */
class LspWireTest {
  @TempDir
  Path workspace;

  @Test
  void initializeAnnouncesEveryCommandAndShutdownExitEndsTheProcessWithZero() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of(), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      InitializeResult result = remote.initialize(ServerProcess.initParams(workspace, false)).get(30, TimeUnit.SECONDS);
      assertThat(result.getCapabilities().getExecuteCommandProvider().getCommands())
          .contains("hostk8s.status", "hostk8s.doctor", "hostk8s.config.show", "hostk8s.sandbox.up", "hostk8s.build")
          .containsExactlyElementsOf(CommandIds.server());
      assertThat(result.getServerInfo().getName()).isEqualTo("hostk8s-dev");
      remote.initialized(new InitializedParams());
      remote.shutdown().get(10, TimeUnit.SECONDS);
      remote.exit();
      assertThat(server.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process.exitValue()).isZero();
    }
  }

  @Test
  void exitWithoutShutdownEndsWithOne() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of(), "lsp")) {
      var remote = server.connect(new RecordingClient()).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(workspace, false)).get(30, TimeUnit.SECONDS);
      remote.exit();
      assertThat(server.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process.exitValue()).isEqualTo(1);
    }
  }

  @Test
  void statusIsPushedAfterInitializedAndAnsweredOnRequest() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of("KUBECONFIG", workspace.resolve("none").toString()), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(workspace, false)).get(30, TimeUnit.SECONDS);
      remote.initialized(new InitializedParams());
      assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(s -> "stopped".equals(s.cluster().state())), 20_000))
          .as("hostk8s/status notification with the cluster stopped").isTrue();
      // (the hostk8s/status *request* is checked over raw frames in MalformedInputWireTest: an lsp4j client that
      // declares the same-named notification cannot type the request's result, see docs/protocol.md)
      var status = client.statuses.get(client.statuses.size() - 1);
      assertThat(status.engine().mode()).isEqualTo("owner");
      assertThat(status.engine().frontEnd()).isEqualTo("lsp");
      assertThat(status.services()).extracting(s -> s.name()).containsExactly("vote", "worker", "result");
      assertThat(status.cluster().reason()).contains("no kubeconfig");
      assertThat(status.revision()).isGreaterThan(1);
      assertThat(Files.exists(workspace.resolve(".hostk8s/server.log"))).isTrue();
    }
  }

  @Test
  void unknownCommandIsAnErrorWithCodeAndSuggestionAndTheServerKeepsServing() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of(), "lsp")) {
      var remote = server.connect(new RecordingClient()).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(workspace, false)).get(30, TimeUnit.SECONDS);
      assertThatThrownBy(() -> remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.nope", List.of())).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(ResponseErrorException.class, e -> {
            assertThat(e.getResponseError().getCode()).isEqualTo(1001);
            JsonObject data = (JsonObject) e.getResponseError().getData();
            assertThat(data.getAsJsonArray("suggestions").get(0).getAsString()).contains("hostk8s.status");
          });
      Object config = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.config.show", List.of())).get(10, TimeUnit.SECONDS);
      assertThat(config.toString()).contains("sample-app").contains("hostk8s-vote");
    }
  }

  @Test
  void longCommandsReportWorkDoneProgressBeginReportEnd() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of("DOCKER_HOST", "unix://" + workspace.resolve("no.sock")), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(workspace, true)).get(30, TimeUnit.SECONDS);
      Object report = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.doctor", List.of())).get(30, TimeUnit.SECONDS);
      assertThat(report.toString()).contains("no Docker daemon");
      assertThat(client.progressCreated).hasSize(1);
      List<WorkDoneProgressKind> kinds = client.progress.stream().map(p -> p.getValue().getLeft().getKind()).toList();
      assertThat(kinds.get(0)).isEqualTo(WorkDoneProgressKind.begin);
      assertThat(kinds).contains(WorkDoneProgressKind.report);
      assertThat(kinds.get(kinds.size() - 1)).isEqualTo(WorkDoneProgressKind.end);
    }
  }

  @Test
  void serverExitsWhenTheClientProcessDies() throws Exception {
    Process fakeClient = new ProcessBuilder("sleep", "8").start();
    try (ServerProcess server = ServerProcess.start(workspace, Map.of(), "lsp")) {
      var remote = server.connect(new RecordingClient()).getRemoteProxy();
      InitializeParams p = ServerProcess.initParams(workspace, false);
      p.setProcessId((int) fakeClient.pid());
      remote.initialize(p).get(30, TimeUnit.SECONDS);
      assertThat(server.process.isAlive()).isTrue();
      assertThat(server.process.waitFor(40, TimeUnit.SECONDS)).as("server exits after its client died").isTrue();
    }
  }
}
