package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void doctorForARealClusterWithoutDockerSaysWhatIsMissingWithTheFixAndFails() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "doctor", "--cluster");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("target: a real cluster — --cluster").contains("✔ java").contains("✘ docker").contains("DOCKER_HOST")
        .contains("fix: Start Docker").contains("✘ kind").contains("✘ kubeconfig")
        .containsPattern("(?m)^[✔–] sandbox jar .*not needed for a real cluster").contains("Some checks failed");
  }

  @Test
  void doctorWithoutDockerTargetsTheSandboxAndMarksWhatOnlyARealClusterNeedsAsNotNeeded() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "doctor");
    assertThat(r.out()).contains("target: the sandbox — no real cluster possible here: no Docker daemon")
        .contains("– docker           not needed for the sandbox").contains("– kind             not needed for the sandbox")
        .contains("– registry         not needed for the sandbox").contains("– kubeconfig       not needed yet: the sandbox is not running")
        .containsPattern("(?m)^[✔✘] sandbox jar").containsPattern("(?m)^[✔✘] sandbox runtimes");
    assertThat(r.exit()).as("1 only when a check the sandbox needs failed:\n" + r.out()).isEqualTo(r.out().contains("✘") ? 1 : 0);
  }

  @Test
  void doctorJsonIsTheSameReportAsTheLspCommand() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "doctor", "--json", "--cluster");
    JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(report.get("ok").getAsBoolean()).isFalse();
    assertThat(report.get("target").getAsString()).isEqualTo("cluster");
    assertThat(report.get("targetReason").getAsString()).isEqualTo("--cluster");
    assertThat(report.getAsJsonArray("checks")).hasSize(7);
    for (var c : report.getAsJsonArray("checks")) {
      JsonObject check = c.getAsJsonObject();
      boolean sandboxOnly = check.get("name").getAsString().startsWith("sandbox");
      assertThat(check.get("required").getAsBoolean()).as(check.toString()).isEqualTo(!sandboxOnly);
      assertThat(check.has("note")).as(check.toString()).isEqualTo(sandboxOnly);
    }
  }

  @Test
  void globalOptionsMeanTheSameBeforeAndAfterTheCommand() throws Exception {
    Path flag = ws.resolve("flag-kubeconfig");
    CliRunner before = CliRunner.run(ws, Map.of(), "--kubeconfig", flag.toString(), "--json", "status");
    CliRunner after = CliRunner.run(ws, Map.of(), "status", "--kubeconfig", flag.toString(), "--json");
    for (CliRunner r : List.of(before, after)) {
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("cluster").get("kubeconfig").getAsString())
          .isEqualTo(flag.toString());
    }
    Path other = Files.createDirectories(ws.resolve("other"));
    CliRunner nested = CliRunner.run(ws, Map.of(), "--workspace", other.toString(), "config", "show", "--json");
    assertThat(JsonParser.parseString(nested.out()).getAsJsonObject().get("workspace").getAsString()).isEqualTo(other.toString());
    CliRunner both = CliRunner.run(ws, Map.of(), "--kubeconfig", "before", "status", "--json", "--kubeconfig", "after");
    assertThat(both.out()).as("given in both places, the one after the command wins").contains(ws.resolve("after").toString())
        .doesNotContain(ws.resolve("before").toString());
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
