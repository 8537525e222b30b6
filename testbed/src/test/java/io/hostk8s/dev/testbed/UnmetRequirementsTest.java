package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.hostk8s.dev.testbed.kubelet.PodFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kubelet does not start a pod whose recipe's requirements are unmet, and starts it once they are met. */
@ExtendWith(SandboxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnmetRequirementsTest {

  /** Not a JUnit @TempDir: its clean-up warns about every symlink of the fake bin dirs. */
  private final Path tmp = FakeHost.tempDir();

  @AfterEach
  void cleanUp() {
    PodFiles.deleteTree(tmp);
  }

  @Test
  void aRedisPodWithoutRedisServerWaitsWithCreateContainerConfigErrorAndStartsOnceItIsInstalled(Sandbox sandbox)
      throws Exception {
    Tools.require(Tools.onPath("redis-server"), Tools.onPath("bash"));
    Path bin = FakeHost.bin(tmp.resolve("bin"), "redis-server");
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(redis(bin)).create();

    Pod pod = awaitWaiting(sandbox, "CreateContainerConfigError", Duration.ofSeconds(30));
    ContainerState state = pod.getStatus().getContainerStatuses().get(0).getState();
    assertThat(state.getWaiting().getMessage()).contains("redis-server")
        .contains("apt-get install -y redis-server").contains("make setup");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(Readiness.ready(pod)).isFalse();
    String name = pod.getMetadata().getName();

    Thread.sleep(6_000); // past one re-check: still nothing launched, no restarts
    assertThat(sandbox.podProcess(TestWorkloads.NS, name)).isEmpty();
    assertThat(redisServices()).isEmpty();
    pod = sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(name).get();
    ContainerStatus cs = pod.getStatus().getContainerStatuses().get(0);
    assertThat(cs.getRestartCount()).isZero();
    assertThat(cs.getState().getWaiting().getReason()).isEqualTo("CreateContainerConfigError");

    FakeHost.install(bin, "redis-server");
    List<Pod> ready = sandbox.awaitReady(TestWorkloads.NS, "app=redis", Duration.ofSeconds(30));
    assertThat(ready).extracting(p -> p.getMetadata().getName()).containsExactly(name);
    assertThat(sandbox.podProcess(TestWorkloads.NS, name)).isPresent();
  }

  private static Deployment redis(Path bin) {
    return new DeploymentBuilder().withNewMetadata().withName("redis").withNamespace(TestWorkloads.NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "redis").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "redis").endMetadata()
        .withNewSpec().addNewContainer().withName("redis").withImage("redis:7-alpine")
        .addNewPort().withContainerPort(6379).endPort()
        .addNewEnv().withName("PATH").withValue(bin.toString()).endEnv()
        .endContainer().endSpec().endTemplate().endSpec().build();
  }

  private static Pod awaitWaiting(Sandbox sandbox, String reason, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Pod> pods = List.of();
    while (System.nanoTime() < deadline) {
      pods = sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "redis").list().getItems();
      for (Pod p : pods) {
        List<ContainerStatus> cs = p.getStatus() == null ? List.of() : p.getStatus().getContainerStatuses();
        if (!cs.isEmpty() && cs.get(0).getState().getWaiting() != null
            && reason.equals(cs.get(0).getState().getWaiting().getReason())) {
          return p;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no redis pod waiting with " + reason + ": " + pods);
  }

  /** Processes of this JVM running run-local.sh's redis service (a launched pod would be one). */
  private static List<ProcessHandle> redisServices() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("service redis") || c.contains("redis-server"))
            .orElse(false)).toList();
  }
}
