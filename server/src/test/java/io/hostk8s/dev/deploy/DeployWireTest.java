package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.hostk8s.dev.lsp.RecordingClient;
import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** hostk8s.deploy through the real server jar over LSP against a sandbox: progress phases, then every service ready in hostk8s/status. */
@ExtendWith(SandboxExtension.class)
class DeployWireTest {
  @TempDir
  Path ws;

  static boolean allReady(StatusSnapshot s) {
    return List.of("vote", "worker", "result").stream().allMatch(n -> s.services().stream()
        .anyMatch(x -> x.name().equals(n) && x.ready() == 1 && x.total() == 1 && x.reason() == null));
  }

  @Test
  void deployReportsPhasesAndEveryServiceReadyInStatusNotifications(Sandbox sandbox) throws Exception {
    DeployFixtures.votingAppWorkspace(ws);
    Map<String, String> env = Map.of("KUBECONFIG", sandbox.kubeconfigPath().toString());
    try (ServerProcess server = ServerProcess.start(ws, env, "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, true)).get(60, TimeUnit.SECONDS);
      remote.initialized(new org.eclipse.lsp4j.InitializedParams());
      long t0 = System.nanoTime();
      Object result = remote.getWorkspaceService()
          .executeCommand(new ExecuteCommandParams("hostk8s.deploy", List.of(Map.of("timeoutSeconds", 240)))).get(300, TimeUnit.SECONDS);
      System.err.printf("hostk8s.deploy over LSP: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

      JsonObject r = new com.google.gson.Gson().toJsonTree(result).getAsJsonObject();
      assertThat(r.get("ready").getAsBoolean()).as(r.toString()).isTrue();
      assertThat(r.get("namespace").getAsString()).isEqualTo("sample-app");
      assertThat(r.getAsJsonArray("services")).hasSize(5);

      assertThat(client.progressCreated).isNotEmpty();
      assertThat(client.progress).anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressBegin b && b.getTitle().contains("deploying"));
      List<String> phases = client.progress.stream().map(p -> p.getValue().getLeft())
          .filter(WorkDoneProgressReport.class::isInstance).map(v -> ((WorkDoneProgressReport) v).getMessage())
          .filter(m -> m != null && m.contains(":")).map(m -> m.substring(0, m.indexOf(':'))).distinct().toList();
      assertThat(phases).containsSubsequence("load", "render", "transform", "apply", "rollout");
      assertThat(RecordingClient.await(() -> client.progress.stream()
          .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd e && "every service ready".equals(e.getMessage())), 10_000)).isTrue();

      assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(DeployWireTest::allReady), 10_000))
          .as("hostk8s/status shows every service ready; last: " + (client.statuses.isEmpty() ? null
              : client.statuses.get(client.statuses.size() - 1).services())).isTrue();
      assertThat(client.statuses).as("readiness went from not ready to ready")
          .anyMatch(s -> s.services().stream().anyMatch(x -> x.name().equals("vote") && x.ready() == 0 && x.reason() != null));
      assertThat(client.events).anyMatch(e -> e.type().equals("deploy.rollout") && "vote".equals(e.service()) && e.message().contains("ready"));
      ServiceStatus vote = client.statuses.get(client.statuses.size() - 1).services().stream()
          .filter(s -> s.name().equals("vote")).findFirst().orElseThrow();
      assertThat(vote.pods()).singleElement().asString().startsWith("vote-");
      assertThat(client.statuses.get(client.statuses.size() - 1).services()).as("db and redis listed, not as dev services")
          .filteredOn(s -> !s.isDev()).extracting(ServiceStatus::name).containsExactly("db", "redis");

      // the code lens's deploy: one service, its rollout only, the summary naming it
      JsonObject one = new com.google.gson.Gson().toJsonTree(remote.getWorkspaceService().executeCommand(new ExecuteCommandParams(
          "hostk8s.deploy", List.of(Map.of("service", "redis")))).get(120, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(one.get("summary").getAsString()).isEqualTo("redis ready in sample-app");
      assertThat(one.getAsJsonArray("services")).hasSize(1);
      assertThat(one.getAsJsonArray("applied").toString()).contains("Deployment/redis").doesNotContain("vote", "worker", "result", "db");

      // the tree's Restart: new pods, ready
      JsonObject restarted = new com.google.gson.Gson().toJsonTree(remote.getWorkspaceService().executeCommand(new ExecuteCommandParams(
          "hostk8s.restart", List.of(Map.of("service", "vote")))).get(180, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(restarted.get("ready").getAsBoolean()).as(restarted.toString()).isTrue();
      assertThat(restarted.getAsJsonArray("pods").toString()).doesNotContain(vote.pods().get(0));
      assertThat(restarted.get("summary").getAsString()).startsWith("vote restarted: vote-");
    }
  }
}
