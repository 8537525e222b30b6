package io.hostk8s.dev.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.lsp.RecordingClient;
import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real server jar: hostk8s.forward.start over LSP (traffic through the forward, the forward in
 * hostk8s/status), hostk8s.logs.follow over LSP (hostk8s/log notifications), and `hostk8s-dev logs vote -f`
 * attached to that server's engine over its socket (the engine/log relay) printing the same lines; hostk8s.run.local
 * (vote on the host, reaching the sandbox's Redis; its output as hostk8s/log) and hostk8s.run.stop.
 */
@ExtendWith(SandboxExtension.class)
class ForwardLogsWireTest {
  @TempDir
  Path ws;

  @Test
  void forwardAndLogsReachTheLspClientAndAnAttachedCli(Sandbox sandbox) throws Exception {
    ForwardFixtures.workspace(ws, List.of("redis.yaml", "vote.yaml"));
    ForwardFixtures.copyTree(ForwardFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    Map<String, String> env = Map.of("KUBECONFIG", sandbox.kubeconfigPath().toString(), "HOSTK8S_PYTHON", "/usr/bin/python3");
    try (ServerProcess server = ServerProcess.start(ws, env, "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, true)).get(60, TimeUnit.SECONDS);
      remote.initialized(new org.eclipse.lsp4j.InitializedParams());
      var workspace = remote.getWorkspaceService();
      JsonObject deployed = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.deploy",
          List.of(Map.of("timeoutSeconds", 240)))).get(300, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(deployed.get("ready").getAsBoolean()).as(deployed.toString()).isTrue();

      JsonObject fwd = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.forward.start",
          List.of(Map.of("service", "vote")))).get(60, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(fwd.get("name").getAsString()).isEqualTo("http");
      assertThat(fwd.get("state").getAsString()).isEqualTo("active");
      int port = fwd.get("localPort").getAsInt();
      String pod = fwd.get("pod").getAsString();
      assertThat(ForwardFixtures.get(port, "/?probe=wire").body()).contains(pod);
      assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(s -> s.forwards().stream()
          .anyMatch(f -> f.localPort() == port && pod.equals(f.pod()) && "active".equals(f.state()))), 10_000))
          .as("the forward in hostk8s/status").isTrue();

      JsonObject following = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.logs.follow",
          List.of(Map.of("service", "vote")))).get(60, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(following.get("pod").getAsString()).isEqualTo(pod);
      assertThat(RecordingClient.await(() -> client.logBatches.stream()
          .anyMatch(b -> b.service().equals("vote") && b.lines().stream().anyMatch(l -> l.contains("probe=wire"))), 30_000))
          .as("hostk8s/log carries the access-log line of the request made through the forward").isTrue();

      // no KUBECONFIG for the CLIs: only by attaching to the IDE's engine can they follow vote or forward it
      CliProcess cli = CliProcess.start(ws, Map.of(), "logs", "vote", "-f", "--tail", "0");
      try {
        // the attached follow is a no-op on the owner (already following); lines made once the CLI has attached
        // reach both. With --tail 0 a line made before it attached is not printed, so probe until one is seen (a
        // loaded machine may take seconds to start the CLI's JVM)
        long deadline = System.currentTimeMillis() + 45_000;
        int probe = 0;
        while (System.currentTimeMillis() < deadline && !cli.transcript().contains("probe=attached-cli")) {
          ForwardFixtures.get(port, "/?probe=attached-cli-" + probe++);
          RecordingClient.await(() -> cli.transcript().contains("probe=attached-cli"), 1_000);
        }
        assertThat(cli.transcript()).as("the attached CLI prints the relayed lines").contains("probe=attached-cli");
      } finally {
        cli.terminate();
        assertThat(cli.process.waitFor(30, TimeUnit.SECONDS)).as("Ctrl-C (SIGTERM) ends `logs -f`").isTrue();
        cli.close();
      }
      ForwardFixtures.get(port, "/?probe=after-cli");
      assertThat(RecordingClient.await(() -> client.logBatches.stream().anyMatch(b -> b.lines().stream().anyMatch(l -> l.contains("probe=after-cli"))),
          30_000)).as("the CLI found the IDE's stream running, so its Ctrl-C left it running").isTrue();
      CliProcess fwdCli = CliProcess.start(ws, Map.of(), "forward", "vote");
      try {
        assertThat(RecordingClient.await(() -> fwdCli.transcript().lines().anyMatch(l -> l.contains("127.0.0.1:" + port) && l.contains(pod)), 60_000))
            .as("`forward vote` attached to the IDE's engine reports the IDE's forward; got " + fwdCli.transcript()).isTrue();
      } finally {
        fwdCli.terminate();
        assertThat(fwdCli.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        fwdCli.close();
      }
      assertThat(ForwardFixtures.get(port, "/healthz").statusCode()).as("the IDE's forward outlives the CLI's Ctrl-C").isEqualTo(200);
      JsonObject stopped = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.forward.stop",
          List.of(Map.of("service", "vote")))).get(60, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(stopped.getAsJsonArray("closed").toString()).isEqualTo("[\"http\"]");

      JsonObject local = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.run.local",
          List.of(Map.of("service", "vote")))).get(120, TimeUnit.SECONDS)).getAsJsonObject();
      long pid = local.get("pid").getAsLong();
      assertThat(local.getAsJsonObject("debug").get("host").getAsString()).isEqualTo("127.0.0.1");
      assertThat(ForwardFixtures.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(local.get("url").getAsString() + "healthz"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body()).as("vote on the host reaches the sandbox's Redis").contains("\"redis\":\"ok\"");
      assertThat(RecordingClient.await(() -> client.logBatches.stream().anyMatch(b -> "local".equals(b.pod())
          && b.lines().stream().anyMatch(l -> l.contains("/healthz"))), 30_000)).as("the local run's output as hostk8s/log").isTrue();
      JsonObject runStopped = new Gson().toJsonTree(workspace.executeCommand(new ExecuteCommandParams("hostk8s.run.stop",
          List.of(Map.of("service", "vote")))).get(60, TimeUnit.SECONDS)).getAsJsonObject();
      assertThat(runStopped.get("stopped").getAsBoolean()).isTrue();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }
}
