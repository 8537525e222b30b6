package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak (failsafe): one debug session on vote through the port-forward while the vote pod is killed 50 times
 * ({@code -Ddap.soak.kills=N} to change); prints n/50 and requires every round to stop at the breakpoint again.
 * Run: {@code mvn -B -ntp -o -pl testbed,server -am verify -Dit.test=DapPodKillSoakIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@ExtendWith(SandboxExtension.class)
class DapPodKillSoakIT {
  @TempDir
  Path ws;

  @Test
  void theSessionSurvivesFiftyPodKills(Sandbox sandbox) throws Exception {
    VoteSandbox.requireTools();
    VoteSandbox.deploy(sandbox);
    try (EngineServices engine = VoteSandbox.engine(ws, sandbox)) {
      DapServer server = DapServer.of(engine);
      try (DapTestClient ide = new DapTestClient(server)) {
        VoteScenario scenario = new VoteScenario(ide, sandbox.serviceLocalPort(VoteSandbox.NS, "vote", 80).orElseThrow(),
            ws.resolve("voting-app/vote/app.py"));
        ide.initialize();
        ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        ide.attach(Map.of("type", "hostk8s", "request", "attach", "service", "vote"), Duration.ofSeconds(60));
        scenario.voteStopInspectContinue("a", Duration.ofSeconds(90));
        int kills = Integer.getInteger("dap.soak.kills", 50);
        assertThat(PodKillSoak.run(sandbox, scenario, kills)).isEqualTo(kills);
      }
    }
  }
}
