package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hostk8s-dev build} through the real jar: what a user sees when the service or the daemon is not there. */
class BuildCliWireTest {
  @TempDir
  Path ws;

  Map<String, String> noDocker() {
    return Map.of("DOCKER_HOST", "unix://" + ws.resolve("docker.sock"), "PATH", "/usr/bin:/bin");
  }

  @Test
  void anUnknownServiceFailsWithItsCodeAndTheConfiguredServices() throws Exception {
    CliRunner r = CliRunner.run(ws, noDocker(), "build", "nope");
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(r.err()).contains("error [1102 UNKNOWN_SERVICE]").contains("'nope'")
        .contains("fix: Configured services: vote, worker, result");
  }

  @Test
  void withoutADaemonTheBuildOfVoteSaysWhichDaemonItAskedInAboutASecond() throws Exception {
    Files.createDirectories(ws.resolve("voting-app/vote"));
    Files.writeString(ws.resolve("voting-app/vote/Dockerfile.dev"), "FROM base\n");
    long t = System.nanoTime();
    CliRunner r = CliRunner.run(ws, noDocker(), "build", "vote", "--no-push");
    System.out.printf("build without a daemon: %d ms%n", (System.nanoTime() - t) / 1_000_000);
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(r.err()).contains("error [3001 DOCKER_UNREACHABLE]").contains(ws.resolve("docker.sock").toString());
  }
}
