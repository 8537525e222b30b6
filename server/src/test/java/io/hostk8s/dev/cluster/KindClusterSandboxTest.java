package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind start path end to end with kind and Docker faked (no Docker here) and the KEP-1755 ConfigMap applied
 * to a real API server (the sandbox test bed's).
 */
@ExtendWith(SandboxExtension.class)
class KindClusterSandboxTest {
  @TempDir
  Path dir;

  @Test
  void startCreatesTheClusterRegistryHostsTomlAndPublishesTheLocalRegistryConfigMap(Sandbox sandbox) throws Exception {
    try (FakeHost host = new FakeHost(dir)) {
      Files.writeString(dir.resolve(".env"), "CLUSTER_NAME=devbox\nK8S_VERSION=v1.34.0\n");
      Workspace ws = new Workspace(dir, host.env(), null);
      Path kubeconfig = dir.toAbsolutePath().resolve("data/kubeconfig/config");
      String kind = host.bin.resolve("kind").toString();
      FakeProcessRunner fake = new FakeProcessRunner()
          .answer("get clusters", 0, "No kind clusters found.")
          .answer("create cluster", 0, "Creating cluster \"devbox\" ...", " ✓ Ensuring node image (kindest/node:v1.34.0)")
          .answer("get nodes", 0, "devbox-control-plane");
      FakeClusterDocker docker = new FakeClusterDocker();
      AtomicReference<Path> clientFor = new AtomicReference<>();
      RecordingProgress progress = new RecordingProgress();
      ClusterResult r = new KindCluster(fake, env -> docker, kc -> {
        clientFor.set(kc);
        try {
          return sandbox.newClient();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).start(ws, progress);

      Path config = ws.stateDir().resolve("kind/devbox.yaml");
      assertThat(fake.argvs()).containsExactly(
          List.of(kind, "get", "clusters"),
          List.of(kind, "create", "cluster", "--name", "devbox", "--config", config.toString(), "--kubeconfig", kubeconfig.toString(),
              "--image", "kindest/node:v1.34.0"),
          List.of(kind, "get", "nodes", "--name", "devbox"));
      assertThat(fake.specs.get(1).env()).containsEntry("DOCKER_HOST", "unix://" + host.socket);
      JsonNode cfg = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
      assertThat(cfg.path("name").asText()).isEqualTo("devbox");
      assertThat(cfg.path("containerdConfigPatches").get(0).asText()).contains("http://hostk8s-registry:5000");
      assertThat(Files.isDirectory(kubeconfig.getParent())).as("kubeconfig dir made for kind").isTrue();
      assertThat(progress.reports).contains("Creating cluster \"devbox\" ...", "fake: registry hostk8s-registry");

      assertThat(docker.registries).containsExactly(new RegistrySpec("hostk8s-registry", "registry:2", "127.0.0.1", 5002, 5000, "kind",
          dir.toAbsolutePath().resolve("data/registry")));
      assertThat(docker.writes).containsExactly(
          "devbox-control-plane:/etc/containerd/certs.d/localhost:5000/hosts.toml=[host.\"http://hostk8s-registry:5000\"]\n");
      assertThat(docker.closed).isTrue();

      assertThat(clientFor.get()).isEqualTo(kubeconfig);
      ConfigMap cm = sandbox.client().configMaps().inNamespace("kube-public").withName("local-registry-hosting").get();
      assertThat(cm).isNotNull();
      assertThat(cm.getData().get("localRegistryHosting.v1")).contains("host: \"localhost:5002\"")
          .contains("hostFromContainerRuntime: \"localhost:5000\"");
      assertThat(RegistryHosting.read(sandbox.client())).contains("localhost:5002");
      assertThat(r.message()).contains("devbox").contains("localhost:5002").contains(kubeconfig.toString());

      // again, with the cluster already there and its kubeconfig gone: not recreated, kubeconfig exported, steps redone
      FakeProcessRunner again = new FakeProcessRunner().answer("get clusters", 0, "devbox").answer("get nodes", 0, "devbox-control-plane");
      new KindCluster(again, env -> docker, kc -> {
        try {
          return sandbox.newClient();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).start(ws, new RecordingProgress());
      assertThat(again.argvs()).containsExactly(
          List.of(kind, "get", "clusters"),
          List.of(kind, "export", "kubeconfig", "--name", "devbox", "--kubeconfig", kubeconfig.toString()),
          List.of(kind, "get", "nodes", "--name", "devbox"));
      assertThat(docker.registries).hasSize(2);
      assertThat(RegistryHosting.read(sandbox.client())).contains("localhost:5002");
    }
  }
}
