package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a long command (from the progress UI or by $/cancelRequest) stops it and its processes. */
class CancellationWireTest {
  @TempDir
  Path ws;

  static final String SLOW = "System.out.println(\"fake sandbox starting\"); System.out.flush(); Thread.sleep(120000);";

  static boolean fakeRunning(Path jar) {
    return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(jar.toString())).orElse(false));
  }

  @Test
  void cancelFromTheProgressUiEndsTheCommandAndKillsItsProcess() throws Exception {
    Path jar = FakeJar.build(ws.resolve("fake"), SLOW);
    try (ServerProcess server = ServerProcess.start(ws, Map.of("HOSTK8S_SANDBOX_JAR", jar.toString()), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, true)).get(30, TimeUnit.SECONDS);
      CompletableFuture<Object> up = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.sandbox.up", List.of()));
      assertThat(RecordingClient.await(() -> client.progress.stream().anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressReport r
          && "fake sandbox starting".equals(r.getMessage())), 30_000)).as("the command's output arrives as progress").isTrue();
      assertThat(fakeRunning(jar)).isTrue();
      remote.cancelProgress(new WorkDoneProgressCancelParams(client.progressCreated.get(0).getToken()));
      assertThatThrownBy(() -> up.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(ResponseErrorException.class,
              e -> assertThat(e.getResponseError().getCode()).isEqualTo(ResponseErrorCode.RequestCancelled.getValue()));
      assertThat(RecordingClient.await(() -> !fakeRunning(jar), 10_000)).as("the process tree is gone").isTrue();
    }
  }

  @Test
  void cancelRequestEndsTheCommandAndKillsItsProcess() throws Exception {
    Path jar = FakeJar.build(ws.resolve("fake"), SLOW);
    try (ServerProcess server = ServerProcess.start(ws, Map.of("HOSTK8S_SANDBOX_JAR", jar.toString()), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, false)).get(30, TimeUnit.SECONDS);
      CompletableFuture<Object> up = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.sandbox.up", List.of()));
      assertThat(RecordingClient.await(() -> fakeRunning(jar), 30_000)).isTrue();
      up.cancel(true);
      assertThat(RecordingClient.await(() -> !fakeRunning(jar), 15_000)).as("$/cancelRequest kills the process tree").isTrue();
      Object status = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.config.show", List.of())).get(20, TimeUnit.SECONDS);
      assertThat(status).as("the server keeps serving").isNotNull();
    }
  }
}
