package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-service CPU and memory in the status, from the metrics API (fabric8's {@code top()}), which the sandbox serves
 * from {@code /proc} of the real processes standing in for the pods (Flask under debugpy, redis-server).
 */
@ExtendWith(SandboxExtension.class)
class MetricsSandboxTest {
  @TempDir
  static Path ws;
  static EngineServices engine;

  @BeforeAll
  static void deploy(Sandbox s) throws Exception {
    engine = ForwardFixtures.voteAndRedisDeployed(ws, s.kubeconfigPath(), Map.of());
  }

  @AfterAll
  static void close() {
    DeployService.endSession(engine);
    engine.close();
  }

  @Test
  void everyRunningServiceHasTheCpuAndMemoryOfItsProcessesInTheStatus() {
    StatusSnapshot s = ClusterProbe.refresh(engine);
    for (String name : new String[] {"vote", "redis"}) {
      ServiceStatus svc = s.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      assertThat(svc.metrics()).as(name + " in " + s.services()).isNotNull();
      assertThat(svc.metrics().pods()).isEqualTo(1);
      assertThat(svc.metrics().memoryBytes()).as(name + "'s resident memory").isGreaterThan(1L << 20);
    }
    ServiceStatus vote = s.services().stream().filter(x -> x.name().equals("vote")).findFirst().orElseThrow();
    // the first reading covers the pod's life so far: Python, Flask and debugpy starting took CPU time
    assertThat(vote.metrics().cpuMillicores()).as("vote's CPU since it started").isPositive();
  }

  @Test
  void theClusterWatcherKeepsTheMetricsCurrent() throws Exception {
    try (ClusterWatcher w = ClusterWatcher.start(engine)) {
      assertThat(ForwardFixtures.await(() -> engine.status().get().services().stream()
          .filter(x -> x.name().equals("redis")).anyMatch(x -> x.metrics() != null && x.metrics().memoryBytes() > 0),
          Duration.ofSeconds(20))).as("redis's memory from the watcher: " + engine.status().get().services()).isTrue();
    }
  }
}
