package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The watcher against a real API server (the sandbox): nodes, pods, the KEP-1755 registry, the API going and coming. */
@ExtendWith(SandboxExtension.class)
class ClusterWatcherTest {
  static final ClusterWatcher.Options FAST = new ClusterWatcher.Options(Duration.ofMillis(200), Duration.ofSeconds(1),
      Duration.ofMillis(300), Duration.ofMillis(300));
  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  @Test
  void followsNodesServicePodsTheRegistryAndTheApiServerGoingAway(Sandbox sandbox) throws Exception {
    int deadPort = freePort();
    EngineServices engine = Workspaces.engine(dir, Map.of("REGISTRY_URL", "localhost:" + deadPort), sandbox.kubeconfigPath(), new FakeProcessRunner());
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    engine.events().subscribe(events::add);
    try (ClusterWatcher watcher = new ClusterWatcher(engine.workspace(), engine.status(), engine.events(), FAST).start()) {
      StatusSnapshot s = await(engine, st -> "running".equals(st.cluster().state()), "cluster running");
      assertThat(s.cluster().nodesReady()).isEqualTo(1);
      assertThat(s.cluster().nodesTotal()).isEqualTo(1);
      assertThat(s.cluster().context()).isEqualTo("kind-hostk8s");
      assertThat(service(s, "vote").reason()).isEqualTo("not deployed");

      sandbox.client().apps().deployments().inNamespace("sample-app").resource(voteDeployment()).serverSideApply();
      s = await(engine, st -> service(st, "vote").ready() == 1, "vote ready");
      String first = service(s, "vote").pods().get(0);
      assertThat(service(s, "vote").total()).isEqualTo(1);
      assertThat(service(s, "vote").reason()).isNull();
      assertThat(service(s, "worker").reason()).isEqualTo("not deployed");

      sandbox.replacePod("sample-app", first);
      s = await(engine, st -> service(st, "vote").ready() == 1 && service(st, "vote").total() == 1
          && !service(st, "vote").pods().contains(first), "vote's pod replaced and ready");
      assertThat(service(s, "vote").pods()).hasSize(1);

      sandbox.client().configMaps().inNamespace("kube-public").resource(RegistryHosting.configMap("localhost:" + deadPort)).serverSideApply();
      s = await(engine, st -> "degraded".equals(st.cluster().state()), "degraded: registry advertised but not answering");
      assertThat(s.cluster().reason()).contains("registry not reachable").contains("localhost:" + deadPort);
      sandbox.client().configMaps().inNamespace("kube-public").withName(RegistryHosting.NAME).delete();
      await(engine, st -> "running".equals(st.cluster().state()), "running again without the advertised registry");

      sandbox.close();
      s = await(engine, st -> "stopped".equals(st.cluster().state()), "stopped after the API server went away");
      assertThat(s.cluster().reason()).startsWith("API server not reachable");
      assertThat(service(s, "vote").reason()).isEqualTo("cluster not reachable");
      assertThat(service(s, "vote").ready()).isZero();
    }
    assertThat(events.stream().filter(e -> e.type().equals("cluster.state")).map(HostK8sEvent::message).toList())
        .contains("running").anyMatch(m -> m.startsWith("degraded: registry not reachable")).anyMatch(m -> m.startsWith("stopped: API server not reachable"));
  }

  @Test
  void aMissingKubeconfigIsStoppedOrStartingAndTheWatcherConnectsWhenItAppears(Sandbox sandbox) throws Exception {
    Path kubeconfig = dir.resolve("later/kubeconfig");
    EngineServices engine = Workspaces.engine(dir, Map.of(), kubeconfig, new FakeProcessRunner());
    try (ClusterWatcher watcher = new ClusterWatcher(engine.workspace(), engine.status(), engine.events(), FAST).start()) {
      StatusSnapshot s = await(engine, st -> "stopped".equals(st.cluster().state()), "stopped");
      assertThat(s.cluster().reason()).isEqualTo("no kubeconfig at " + kubeconfig);
      engine.status().update(st -> st.withBusy(ClusterService.BUSY_START));
      s = await(engine, st -> "starting".equals(st.cluster().state()), "starting while a start runs");
      assertThat(s.cluster().reason()).contains("cluster start in progress").contains("no kubeconfig");
      Files.createDirectories(kubeconfig.getParent());
      Files.copy(sandbox.kubeconfigPath(), kubeconfig);
      s = await(engine, st -> "running".equals(st.cluster().state()), "running once the kubeconfig exists");
      assertThat(s.cluster().server()).startsWith(sandbox.apiUrl().replaceAll("/+$", ""));
      watcher.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (watchThreadAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(watchThreadAlive()).as("the watcher's thread ends with close()").isFalse();
    }
  }

  static boolean watchThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("hostk8s-cluster-watch"));
  }

  static Deployment voteDeployment() {
    return new DeploymentBuilder().withNewMetadata().withName("vote").withNamespace("sample-app").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "vote").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "vote").endMetadata()
        .withNewSpec().addNewContainer().withName("vote").withImage("localhost:5000/hostk8s-test-http:latest")
        .addNewPort().withName("http").withContainerPort(8080).endPort().endContainer().endSpec().endTemplate().endSpec().build();
  }

  static ServiceStatus service(StatusSnapshot s, String name) {
    return s.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  static StatusSnapshot await(EngineServices engine, Predicate<StatusSnapshot> p, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      StatusSnapshot s = engine.status().get();
      if (p.test(s)) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for: " + what + "; last status " + engine.status().get());
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
