package io.hostk8s.dev.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliRunner;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `hostk8s-dev up` (no --sandbox) on a machine without Docker does what `make dev` does: it says no real cluster is
 * possible here, runs against the sandbox test bed, and ends with where the app is (vote's forwarded URL, and the
 * command that keeps that forward open once the one-shot up returns).
 */
class UpFallbackWireTest {
  @Test
  void upWithoutDockerFallsBackToTheSandboxAndEndsWithTheVoteUrl() throws Exception {
    Path ws = UpWireTest.repo();
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"), "DOCKER_HOST", "unix:///nonexistent");
    try {
      var up = CliRunner.run(ws, env, "up", "--workspace", ws.toString());
      assertThat(up.exit()).as(up.err()).isZero();
      assertThat(up.out()).contains("target: sandbox (started) — no real cluster possible here").contains("unix:///nonexistent")
          .doesNotContain("DOCKER_UNREACHABLE").contains("./hostk8s-dev forward vote keeps it open");
      List<String> lines = up.out().strip().lines().toList();
      Matcher m = Pattern.compile("^open {4}vote at (http://127\\.0\\.0\\.1:\\d+/)$").matcher(lines.stream()
          .filter(l -> l.startsWith("open")).findFirst().orElse(""));
      assertThat(m.matches()).as(up.out()).isTrue();
      assertThat(lines.get(lines.size() - 1)).as("up ends with where the app is").startsWith("open    ");
      // a stable port per service, so `forward vote` opens the same URL again once this one-shot up's forward ended
      assertThat(URI.create(m.group(1)).getPort()).isBetween(20000, 29999);
    } finally {
      var down = CliRunner.run(ws, env, "sandbox", "down", "--workspace", ws.toString());
      assertThat(down.exit()).as(down.err()).isZero();
    }
  }
}
