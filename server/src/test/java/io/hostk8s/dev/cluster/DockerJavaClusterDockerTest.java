package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker-java side of the kind path: request shaping and error mapping against a fake Engine API. */
class DockerJavaClusterDockerTest {
  final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  RegistrySpec spec() {
    return new RegistrySpec("hostk8s-registry", "registry:2", "127.0.0.1", 5002, 5000, "kind", dir.resolve("data/registry"));
  }

  @Test
  void aMissingRegistryIsPulledCreatedStartedAndConnectedToTheKindNetwork() throws Exception {
    try (FakeDockerApi api = new FakeDockerApi(); ClusterDocker docker = DockerJavaClusterDocker.open(Map.of("DOCKER_HOST", api.dockerHost()))) {
      List<String> log = new CopyOnWriteArrayList<>();
      docker.ensureRegistry(spec(), log::add);
      assertThat(api.requests("POST", "/images/create")).singleElement()
          .satisfies(r -> assertThat(r.query()).contains("fromImage=registry").contains("tag=2"));
      FakeDockerApi.Request create = api.requests("POST", "/containers/create").get(0);
      assertThat(create.query()).isEqualTo("name=hostk8s-registry");
      JsonNode body = json.readTree(create.body());
      assertThat(body.path("Image").asText()).isEqualTo("registry:2");
      assertThat(body.path("ExposedPorts").has("5000/tcp")).isTrue();
      JsonNode binding = body.path("HostConfig").path("PortBindings").path("5000/tcp").get(0);
      assertThat(binding.path("HostIp").asText()).isEqualTo("127.0.0.1");
      assertThat(binding.path("HostPort").asText()).isEqualTo("5002");
      assertThat(body.path("HostConfig").path("RestartPolicy").path("Name").asText()).isEqualTo("always");
      assertThat(body.path("HostConfig").path("Binds").get(0).asText()).isEqualTo(dir.resolve("data/registry") + ":/var/lib/registry:rw");
      assertThat(Files.isDirectory(dir.resolve("data/registry"))).isTrue();
      assertThat(api.requests("POST", "/containers/abc123/start")).hasSize(1);
      assertThat(json.readTree(api.requests("POST", "/networks/kind/connect").get(0).body()).path("Container").asText()).isEqualTo("abc123");
      assertThat(log).contains("pulling registry:2").anyMatch(l -> l.startsWith("created container hostk8s-registry"))
          .contains("connected hostk8s-registry to the docker network kind");

      // again: exists, running, connected → nothing created, pulled or connected
      api.requests.clear();
      docker.ensureRegistry(spec(), log::add);
      assertThat(api.requests("POST", "/containers/create")).isEmpty();
      assertThat(api.requests("POST", "/images/create")).isEmpty();
      assertThat(api.requests("POST", "/networks/kind/connect")).isEmpty();
      assertThat(log).contains("hostk8s-registry already running");
    }
  }

  @Test
  void hostsTomlIsWrittenByExecAndAFailingExecIsRegistrySetupFailed() throws Exception {
    try (FakeDockerApi api = new FakeDockerApi(); ClusterDocker docker = DockerJavaClusterDocker.open(Map.of("DOCKER_HOST", api.dockerHost()))) {
      docker.writeFile("devbox-control-plane", KindCluster.HOSTS_TOML, KindConfig.hostsToml("hostk8s-registry", 5000));
      FakeDockerApi.Request exec = api.requests("POST", "/containers/devbox-control-plane/exec").get(0);
      JsonNode cmd = json.readTree(exec.body()).path("Cmd");
      assertThat(cmd.get(0).asText()).isEqualTo("sh");
      assertThat(cmd.get(4).asText()).isEqualTo("/etc/containerd/certs.d/localhost:5000/hosts.toml");
      assertThat(cmd.get(5).asText()).isEqualTo("[host.\"http://hostk8s-registry:5000\"]\n");
      assertThat(api.requests("POST", "/exec/exec1/start")).hasSize(1);

      api.execExit = 1;
      assertThatThrownBy(() -> docker.writeFile("devbox-control-plane", KindCluster.HOSTS_TOML, "x"))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_SETUP_FAILED);
            assertThat(e.getMessage()).contains("devbox-control-plane").contains("exited 1");
          });
    }
  }

  @Test
  void removeIsForcedAndAMissingContainerIsNoError() throws Exception {
    try (FakeDockerApi api = new FakeDockerApi(); ClusterDocker docker = DockerJavaClusterDocker.open(Map.of("DOCKER_HOST", api.dockerHost()))) {
      api.containerExists = true;
      assertThat(docker.removeContainer("hostk8s-registry")).isTrue();
      assertThat(api.requests("DELETE", "/containers/hostk8s-registry").get(0).query()).contains("force=true");
      assertThat(docker.removeContainer("hostk8s-registry")).isFalse();
    }
  }

  @Test
  void noDaemonIsDockerUnreachableBeforeAnyRequest() {
    assertThatThrownBy(() -> DockerJavaClusterDocker.open(Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock"))))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE));
  }
}
