package io.hostk8s.dev.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hostk8s-dev sandbox up` / `status` / `sandbox down` through the real jars: a running cluster, then no leftovers. */
class SandboxWireTest {
  @TempDir
  Path ws;

  static Map<String, String> env() {
    String jar = System.getProperty("hostk8s.testbedJar");
    assertThat(jar).as("testbed jar path (built by the reactor before the server)").isNotNull();
    assertThat(Files.isRegularFile(Path.of(jar))).as(jar + " exists").isTrue();
    return Map.of("HOSTK8S_SANDBOX_JAR", jar);
  }

  static List<ProcessHandle> sandboxProcesses(Path ws) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> (c.contains("hostk8s-dev-testbed") || c.contains("io.hostk8s.dev.testbed.")) && c.contains(ws.toString())).orElse(false))
        .toList();
  }

  @Test
  void upGivesAKubeconfigWhoseClusterIsRunningAndDownLeavesNothing() throws Exception {
    var up = CliRunner.run(ws, env(), "sandbox", "up", "--workspace", ws.toString());
    try {
      assertThat(up.exit()).as(up.err()).isZero();
      String[] lines = up.out().strip().split("\n");
      Path kubeconfig = Path.of(lines[lines.length - 1]);
      assertThat(kubeconfig).isEqualTo(ws.resolve(".hostk8s/sandbox/kubeconfig"));
      assertThat(Files.isRegularFile(kubeconfig)).isTrue();

      var status = CliRunner.run(ws, env(), "status", "--json", "--kubeconfig", kubeconfig.toString());
      JsonObject cluster = JsonParser.parseString(status.out()).getAsJsonObject().getAsJsonObject("cluster");
      assertThat(cluster.get("state").getAsString()).isEqualTo("running");
      assertThat(cluster.get("nodesReady").getAsInt()).isEqualTo(1);
      assertThat(cluster.get("context").getAsString()).isEqualTo("kind-hostk8s");

      var doctor = CliRunner.run(ws, env(), "doctor", "--kubeconfig", kubeconfig.toString());
      assertThat(doctor.out()).contains("✔ kubeconfig");
      assertThat(sandboxProcesses(ws)).isNotEmpty();
    } finally {
      var down = CliRunner.run(ws, env(), "sandbox", "down", "--workspace", ws.toString());
      assertThat(down.exit()).as(down.err()).isZero();
      assertThat(down.out()).contains("sandbox stopped");
    }
    assertThat(sandboxProcesses(ws)).as("no sandbox process left").isEmpty();
  }
}
