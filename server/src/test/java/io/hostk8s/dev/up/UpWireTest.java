package io.hostk8s.dev.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `hostk8s-dev up --sandbox` on the real repository: sandbox started, build skipped (recipes), the voting app deployed,
 * every service reported ready; then `status` sees it and `sandbox down` cleans up.
 */
public class UpWireTest {
  public static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("voting-app"))) {
      p = p.getParent();
    }
    return p;
  }

  @Test
  void upAgainstTheSandboxDeploysTheVotingAppAndEveryServiceIsReady() throws Exception {
    Path ws = repo();
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
    try {
      var up = CliRunner.run(ws, env, "up", "--sandbox", "--json", "--workspace", ws.toString());
      assertThat(up.exit()).as(up.err()).isZero();
      JsonObject r = JsonParser.parseString(up.out()).getAsJsonObject();
      assertThat(r.get("target").getAsString()).isEqualTo("sandbox");
      JsonObject deploy = r.getAsJsonObject("deploy");
      assertThat(deploy.get("ready").getAsBoolean()).isTrue();
      for (JsonElement s : deploy.getAsJsonArray("services")) {
        assertThat(s.getAsJsonObject().get("ready").getAsBoolean()).as(s.toString()).isTrue();
      }
      Path kubeconfig = ws.resolve(".hostk8s/sandbox/kubeconfig");
      var status = CliRunner.run(ws, env, "status", "--json", "--workspace", ws.toString(), "--kubeconfig", kubeconfig.toString());
      JsonObject st = JsonParser.parseString(status.out()).getAsJsonObject();
      assertThat(st.getAsJsonObject("cluster").get("state").getAsString()).isEqualTo("running");
      for (JsonElement s : st.getAsJsonArray("services")) {
        JsonObject svc = s.getAsJsonObject();
        assertThat(svc.get("ready").getAsInt()).as(svc.toString()).isEqualTo(svc.get("total").getAsInt()).isPositive();
      }
    } finally {
      var down = CliRunner.run(ws, env, "sandbox", "down", "--workspace", ws.toString());
      assertThat(down.exit()).as(down.err()).isZero();
    }
  }

  /** The progress of up, as the CLI prints it (-v): one percentage scale, from the preflight to the rollout, never going back. */
  @Test
  void upsProgressOnlyGoesForward() throws Exception {
    Path ws = repo();
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
    try {
      String out;
      try (CliProcess up = CliProcess.start(ws, env, "up", "--sandbox", "-v", "--workspace", ws.toString())) { // -v: the progress lines
        assertThat(up.awaitExit(240)).as(up.transcript()).isZero();
        out = up.transcript();
      }
      java.util.List<Integer> pct = new java.util.ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)%\\)$", java.util.regex.Pattern.MULTILINE).matcher(out);
      while (m.find()) {
        pct.add(Integer.parseInt(m.group(1)));
      }
      assertThat(pct).as(out).hasSizeGreaterThan(10).isSorted();
      assertThat(out).contains("preflight:").contains("cluster:").contains("rollout: 5/5 services ready");
    } finally {
      var down = CliRunner.run(ws, env, "sandbox", "down", "--workspace", ws.toString());
      assertThat(down.exit()).as(down.err()).isZero();
    }
  }
}
