package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceReadinessTest {
  static final DevConfig CONFIG = Defaults.votingApp();

  static Pod pod(String name, Map<String, String> labels, String ownerKind, String owner, boolean ready) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(CONFIG.namespace()).withLabels(labels)
        .addNewOwnerReference().withKind(ownerKind).withName(owner).withController(true).endOwnerReference().endMetadata()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus();
    return b.build();
  }

  @Test
  void theAppsOtherWorkloadsAreListedAfterTheConfiguredServicesAsNotDev() {
    List<Pod> pods = List.of(
        pod("vote-abc-1", Map.of("app", "vote"), "Deployment", "vote", true),
        pod("redis-7d9f-x1", Map.of("app", "redis", "pod-template-hash", "7d9f"), "ReplicaSet", "redis-7d9f", true),
        pod("db-0", Map.of("app", "db"), "StatefulSet", "db", false));

    List<ServiceStatus> services = ServiceReadiness.compute(CONFIG, pods, List.of());

    assertThat(services).extracting(ServiceStatus::name).containsExactly("vote", "worker", "result", "db", "redis");
    assertThat(services).filteredOn(ServiceStatus::isDev).extracting(ServiceStatus::name).containsExactly("vote", "worker", "result");
    ServiceStatus redis = services.get(4);
    assertThat(redis.dev()).isFalse();
    assertThat(redis.ready()).isEqualTo(1);
    assertThat(redis.pods()).containsExactly("redis-7d9f-x1");
    assertThat(redis.sync()).isEqualTo(SyncStatus.OFF);
    assertThat(services.get(3).ready()).isZero();
    assertThat(services.get(3).reason()).isNotNull();
  }

  @Test
  void podsWithoutAControllerOrInAnotherNamespaceAreNotServices() {
    Pod bare = new PodBuilder().withNewMetadata().withName("debug-shell").withNamespace(CONFIG.namespace()).endMetadata().build();
    Pod elsewhere = pod("coredns-1", Map.of("k8s-app", "kube-dns"), "Deployment", "coredns", true);
    elsewhere.getMetadata().setNamespace("kube-system");
    assertThat(ServiceReadiness.compute(CONFIG, List.of(bare, elsewhere), List.of())).extracting(ServiceStatus::name)
        .containsExactly("vote", "worker", "result");
  }
}
