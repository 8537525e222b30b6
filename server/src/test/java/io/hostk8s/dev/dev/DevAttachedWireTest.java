package io.hostk8s.dev.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.up.UpWireTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `dev` in a workspace whose engine another command already runs (here a `forward vote` in another terminal): dev
 * attaches to it instead of failing, and when it ends it stops only what it started — its sync sessions and the
 * forwards it opened — leaving the other terminal's forward (and that terminal) running.
 */
class DevAttachedWireTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
  private Path ws;
  private CliProcess forward;

  @BeforeEach
  void workspace() throws IOException {
    ws = Files.createTempDirectory("hostk8s-attached-");
    DevCtrlCWireTest.copy(UpWireTest.repo().resolve("voting-app"), ws.resolve("voting-app"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (forward != null) {
      forward.terminate();
      forward.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      forward.close();
    }
    CliRunner.run(ws, env(), "sandbox", "down", "--workspace", ws.toString());
    try (Stream<Path> all = Files.walk(ws)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void devAttachedToAnotherTerminalsEngineStopsOnlyWhatItStarted() throws Exception {
    CliRunner up = CliRunner.run(ws, env(), "up", "--sandbox");
    assertThat(up.exit()).as(up.err()).isZero();
    assertThat(up.out()).as("a one-shot up says plainly that sync does not outlive it")
        .contains("sync    not running: no engine runs for this workspace").contains("./hostk8s-dev sync vote");
    forward = CliProcess.start(ws, env(), "forward", "vote");
    Matcher url = URL.matcher(forward.await(l -> l.startsWith("vote/http: http://127.0.0.1:"), 60));
    assertThat(url.find()).isTrue();
    int port = Integer.parseInt(url.group(1));

    try (CliProcess dev = DevProcess.start(ws, "--once")) {
      dev.await(l -> l.startsWith("dev uses the workspace's engine (pid " + forward.process.pid() + ")"), 60);
      assertThat(dev.process.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)).as(dev.transcript()).isTrue();
      assertThat(dev.transcript()).contains("forward  vote     http://127.0.0.1:" + port + "/")
          .contains("dev stopped (and stopped what it started: sync vote, sync result, forward result/http); the workspace's engine (pid "
              + forward.process.pid() + ") keeps running what others started");
    }
    CliRunner list = CliRunner.run(ws, env(), "forward", "list");
    assertThat(list.out()).as("only the other terminal's forward is left").contains("vote/http").doesNotContain("result/");
    assertThat(CliRunner.run(ws, env(), "status", "--json").out()).doesNotContain("\"watching\"");
    assertThat(forward.process.isAlive()).as(forward.transcript()).isTrue();
    assertThat(ForwardFixtures.await(() -> {
      try {
        return ForwardFixtures.get(port, "/healthz").statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }, Duration.ofSeconds(30))).as("the other terminal's forward still serves vote").isTrue();
  }

  private static Map<String, String> env() {
    return Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
  }
}
