package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a daemon the build fails at once with DOCKER_UNREACHABLE naming DOCKER_HOST / the socket and the fix. */
class NoDaemonTest {
  @TempDir Path root;

  /**
   * Loads the classes of the failure path once, untimed: on a loaded 2-core machine class loading alone can take a
   * second or two, which is start-up cost, not detection time. The cold figure is printed for the record.
   */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hostk8s.dev.yaml"), "services:\n  vote: { context: app, dockerfile: Dockerfile, image: v }\n");
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Dockerfile"), "FROM base\n");
    Workspace ws = new Workspace(dir, Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock")), null);
    long start = System.nanoTime();
    org.assertj.core.api.Assertions.catchThrowable(() -> new BuildService().build(ws, "vote", BuildMode.DEV, Progress.NONE));
    System.out.printf("no daemon, cold JVM (class loading included): %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  private Workspace workspace(Map<String, String> env) throws IOException {
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        services:
          vote: { context: app, dockerfile: Dockerfile, image: hostk8s-vote }
        """);
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/Dockerfile"), "FROM base\n");
    return new Workspace(root, env, null);
  }

  private HostK8sException fail(Map<String, String> env) throws IOException {
    Workspace ws = workspace(env);
    long start = System.nanoTime();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new BuildService().build(ws, "vote", BuildMode.DEV, Progress.NONE));
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("no daemon (%s) -> %s in %d ms%n", env, thrown == null ? "no error" : ((HostK8sException) thrown).code(), ms);
    assertThat(ms).as("fails fast").isLessThan(1000);
    assertThat(thrown).isInstanceOf(HostK8sException.class);
    return (HostK8sException) thrown;
  }

  @Test
  void missingSocketNamesDockerHostAndTheFix() throws IOException {
    Path socket = root.resolve("nothing/docker.sock");
    HostK8sException e = fail(Map.of("DOCKER_HOST", "unix://" + socket));
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.getMessage()).contains("DOCKER_HOST=unix://" + socket).contains("does not exist");
    assertThat(e.getCause()).isNull();
    assertThat(e.userError()).isTrue();
    assertThat(String.join("\n", e.suggestions())).contains("systemctl start docker").contains("DOCKER_HOST=unix:///run/podman/podman.sock");
  }

  @Test
  void socketFileWithoutListenerIsUnreachable() throws IOException {
    Path notASocket = Files.writeString(root.resolve("docker.sock"), "");
    HostK8sException e = fail(Map.of("DOCKER_HOST", "unix://" + notASocket));
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.getMessage()).contains("DOCKER_HOST=unix://" + notASocket);
  }

  @Test
  void closedTcpPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HostK8sException e = fail(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port));
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.getMessage()).contains("DOCKER_HOST=tcp://127.0.0.1:" + port);
  }

  @Test
  void withoutDockerHostTheDefaultSocketIsNamed() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/var/run/docker.sock")), "a daemon socket exists here");
    HostK8sException e = fail(Map.of());
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.getMessage()).contains("/var/run/docker.sock").contains("DOCKER_HOST is not set");
  }

  @Test
  void unsupportedSchemeIsExplained() {
    assertThatThrownBy(() -> DaemonProbe.check(DockerEndpoint.from(Map.of("DOCKER_HOST", "ssh://me@host"))))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
          assertThat(e.getMessage()).contains("ssh://me@host").contains("unsupported");
        });
  }

  @Test
  void malformedDockerHostIsExplainedNotThrownRaw() throws IOException {
    HostK8sException e = fail(Map.of("DOCKER_HOST", "tcp://bad host:2375"));
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.getMessage()).contains("DOCKER_HOST=tcp://bad host:2375").contains("not a valid address");
  }

  @Test
  void tcpWithoutPortUsesDockersDefaultPort() {
    assertThat(DockerEndpoint.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1")).port()).isEqualTo(2375);
    assertThat(DockerEndpoint.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1", "DOCKER_TLS_VERIFY", "1")).port()).isEqualTo(2376);
  }

  @Test
  void probeTimeForTheRecord() {
    DockerEndpoint missing = DockerEndpoint.from(Map.of("DOCKER_HOST", "unix://" + root.resolve("none.sock")));
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> DaemonProbe.check(missing)).isInstanceOf(HostK8sException.class);
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("DaemonProbe on a missing socket: best of 20 = %d us%n", best / 1000);
    assertThat(best).as("well under the ~100 ms budget").isLessThan(100_000_000L);
  }
}
