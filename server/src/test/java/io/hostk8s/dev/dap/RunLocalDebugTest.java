package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s.run.local} then the debug configuration it returns, started as-is (what the VS Code client does):
 * vote on the host under debugpy, the cluster's Redis forwarded; a vote posted to the local URL stops on the
 * breakpoint in the local app.py, with the real values, and completes after continue.
 */
@ExtendWith(SandboxExtension.class)
class RunLocalDebugTest {
  @TempDir
  Path ws;

  @Test
  @SuppressWarnings("unchecked")
  void theReturnedAttachConfigurationStopsTheLocalVoteOnItsBreakpoint(Sandbox sandbox) throws Exception {
    VoteSandbox.requireTools();
    ForwardFixtures.copyTree(ForwardFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    EngineServices engine = ForwardFixtures.voteAndRedisDeployed(ws, sandbox.kubeconfigPath(), Map.of(LocalRuns.PYTHON_ENV, VoteSandbox.PY));
    try (DapServer server = DapServer.of(engine)) {
      Map<String, Object> run = LocalRuns.of(engine).start("vote", Progress.NONE);
      Map<String, Object> attach = (Map<String, Object>) run.get("attach");
      Path app = ws.resolve("voting-app/vote/app.py").toRealPath();
      assertThat(attach).containsEntry("type", "hostk8s").containsEntry("request", "attach").containsEntry("service", "vote")
          .containsEntry("target", run.get("debug")).containsEntry("localRoot", app.getParent().toString())
          .containsEntry("remoteRoot", app.getParent().toString());

      try (DapTestClient ide = new DapTestClient(server)) {
        VoteScenario scenario = new VoteScenario(ide, URI.create((String) run.get("url")).getPort(), app);
        ide.initialize();
        CompletableFuture<Void> attached = ide.server.attach(attach);
        ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        attached.get(60, TimeUnit.SECONDS);
        scenario.voteStopInspectContinue("b", Duration.ofSeconds(60));
      }
    } finally {
      LocalRuns.of(engine).stop("vote");
      DeployService.endSession(engine);
      engine.close();
    }
  }
}
