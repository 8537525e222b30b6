package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as users run it: the real jar in a subprocess. */
class CliWireTest {
  @TempDir
  Path ws;

  Map<String, String> noDocker() {
    return Map.of("DOCKER_HOST", "unix://" + ws.resolve("docker.sock"), "PATH", "/usr/bin:/bin");
  }

  @Test
  void doctorWithoutDockerSaysWhatIsMissingWithTheFixAndFails() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("✔ java").contains("✘ docker").contains("DOCKER_HOST").contains("fix: Start Docker")
        .contains("✘ kind").contains("✘ kubeconfig").contains("Some checks failed");
  }

  @Test
  void doctorJsonIsTheSameReportAsTheLspCommand() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "doctor", "--json");
    JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(report.get("ok").getAsBoolean()).isFalse();
    assertThat(report.getAsJsonArray("checks")).hasSize(6);
    assertThat(report.getAsJsonArray("checks").toString()).contains("\"sandbox runtimes\"");
  }

  @Test
  void statusJsonReportsAStoppedClusterAndTheVotingAppServicesWithoutASession() throws Exception {
    CliRunner r = CliRunner.run(ws, Map.of(), "status", "--json");
    assertThat(r.exit()).isZero();
    JsonObject s = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(s.getAsJsonObject("cluster").get("state").getAsString()).isEqualTo("stopped");
    assertThat(s.getAsJsonObject("engine").get("mode").getAsString()).isEqualTo("observed");
    assertThat(s.getAsJsonArray("services").toString()).contains("\"vote\"").contains("\"worker\"").contains("\"result\"");
    assertThat(Files.exists(ws.resolve(".hostk8s"))).as("a one-shot status leaves no state behind").isFalse();
  }

  @Test
  void kubeconfigFlagWinsOverTheEnvironment() throws Exception {
    Path flag = ws.resolve("flag-kubeconfig");
    CliRunner r = CliRunner.run(ws, Map.of("KUBECONFIG", ws.resolve("env-kubeconfig").toString()), "status", "--json", "--kubeconfig", flag.toString());
    assertThat(JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("cluster").get("kubeconfig").getAsString())
        .isEqualTo(flag.toString());
    CliRunner env = CliRunner.run(ws, Map.of("KUBECONFIG", ws.resolve("env-kubeconfig").toString()), "status", "--json");
    assertThat(env.out()).contains("env-kubeconfig");
  }

  @Test
  void unknownCommandFailsWithCodeMessageAndSuggestionOnStderr() throws Exception {
    CliRunner r = CliRunner.run(ws, Map.of(), "run", "hostk8s.nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error [1001 UNKNOWN_COMMAND]").contains("fix: Known commands: hostk8s.status");
  }

  @Test
  void everySubcommandHasHelp() throws Exception {
    for (String[] cmd : new String[][] {{"--help"}, {"status", "--help"}, {"doctor", "--help"}, {"config", "show", "--help"},
        {"sandbox", "up", "--help"}, {"sandbox", "down", "--help"}, {"dev", "--help"}, {"run", "--help"}, {"commands", "--help"}}) {
      CliRunner r = CliRunner.run(ws, Map.of(), cmd);
      assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).startsWith("Usage: hostk8s-dev");
    }
  }
}
