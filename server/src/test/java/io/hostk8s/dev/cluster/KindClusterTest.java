package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own kind cluster: preflight, the generated kind config, stop (fakes for kind and Docker). */
class KindClusterTest {
  @TempDir
  Path dir;

  @Test
  void theKindConfigHasTheHostK8sLayout() throws Exception {
    JsonNode cfg = new ObjectMapper(new YAMLFactory()).readTree(KindConfig.render("devbox", "hostk8s-registry", 5000));
    assertThat(cfg.path("kind").asText()).isEqualTo("Cluster");
    assertThat(cfg.path("apiVersion").asText()).isEqualTo("kind.x-k8s.io/v1alpha4");
    assertThat(cfg.path("name").asText()).isEqualTo("devbox");
    assertThat(cfg.path("nodes")).hasSize(1);
    JsonNode node = cfg.path("nodes").get(0);
    assertThat(node.path("role").asText()).isEqualTo("control-plane");
    assertThat(node.path("labels").path("ingress-ready").isTextual()).as("label value is the string \"true\"").isTrue();
    assertThat(node.path("labels").path("ingress-ready").asText()).isEqualTo("true");
    assertThat(node.path("extraPortMappings")).hasSize(2);
    assertThat(node.path("extraPortMappings").get(0).path("hostPort").asInt()).isEqualTo(8080);
    assertThat(node.path("extraPortMappings").get(0).path("containerPort").asInt()).isEqualTo(30080);
    assertThat(node.path("extraPortMappings").get(1).path("hostPort").asInt()).isEqualTo(8443);
    assertThat(node.path("extraPortMappings").get(1).path("containerPort").asInt()).isEqualTo(30443);
    String patch = cfg.path("containerdConfigPatches").get(0).asText();
    assertThat(patch).isEqualTo("[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"localhost:5000\"]\n"
        + "  endpoint = [\"http://hostk8s-registry:5000\"]\n");
  }

  @Test
  void withoutDockerStartFailsFastWithTheFixAndRunsNothing() throws Exception {
    FakeProcessRunner fake = new FakeProcessRunner();
    EngineServices engine = Workspaces.engine(dir, Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock", "PATH", "/usr/bin:/bin"), null, fake);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> ClusterService.standard(fake).start(engine, new RecordingProgress()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
          assertThat(e.getMessage()).contains("DOCKER_HOST=unix:///nonexistent/docker.sock");
          assertThat(String.join("\n", e.suggestions())).contains("Start Docker").contains("kind is not on PATH either");
        });
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(1000);
    assertThat(fake.specs).isEmpty();
    assertThat(engine.status().get().busy()).isNull();
    assertThat(engine.status().get().cluster().state()).isEqualTo("stopped");
  }

  @Test
  void withDockerButWithoutKindStartIsKindMissing() throws Exception {
    try (FakeHost host = new FakeHost(dir)) {
      FakeProcessRunner fake = new FakeProcessRunner();
      Map<String, String> env = host.env();
      env.put("PATH", "/usr/bin:/bin");
      EngineServices engine = Workspaces.engine(dir, env, null, fake);
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> ClusterService.standard(fake).start(engine, new RecordingProgress()))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.KIND_MISSING);
            assertThat(e.suggestions().get(0)).contains("Install kind");
          });
      assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(1000);
      assertThat(fake.specs).isEmpty();
    }
  }

  @Test
  void stopDeletesTheClusterAndTheRegistryAndKeepsDataAndKubeconfig() throws Exception {
    try (FakeHost host = new FakeHost(dir)) {
      Files.writeString(dir.resolve(".env"), "CLUSTER_NAME=devbox\n");
      FakeProcessRunner fake = new FakeProcessRunner().answer("delete cluster", 0, "Deleting cluster \"devbox\" ...");
      FakeClusterDocker docker = new FakeClusterDocker();
      Workspace ws = new Workspace(dir, host.env(), null);
      ClusterResult r = new KindCluster(fake, env -> docker, kc -> {
        throw new AssertionError("stop needs no API client");
      }).stop(ws, new RecordingProgress());
      assertThat(fake.argvs()).containsExactly(java.util.List.of(host.bin.resolve("kind").toString(), "delete", "cluster", "--name", "devbox",
          "--kubeconfig", dir.toAbsolutePath().resolve("data/kubeconfig/config").toString()));
      assertThat(docker.removed).containsExactly("hostk8s-registry");
      assertThat(docker.closed).isTrue();
      assertThat(r.message()).contains("data/").contains("kept").contains("data/kubeconfig/config");
      assertThat(r.output()).contains("Deleting cluster \"devbox\" ...", "removed container hostk8s-registry");
    }
  }

  @Test
  void aFailingKindCreateIsClusterStartFailedWithItsOutput() throws Exception {
    try (FakeHost host = new FakeHost(dir)) {
      FakeProcessRunner fake = new FakeProcessRunner().answer("create cluster", 1, "ERROR: failed to create cluster: port 8080 is already allocated");
      Workspace ws = new Workspace(dir, host.env(), null);
      FakeClusterDocker docker = new FakeClusterDocker();
      assertThatThrownBy(() -> new KindCluster(fake, env -> docker, kc -> {
        throw new AssertionError("not reached");
      }).start(ws, new RecordingProgress()))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_START_FAILED);
            assertThat(e.getMessage()).contains("port 8080 is already allocated");
          });
      assertThat(docker.registries).isEmpty();
    }
  }
}
