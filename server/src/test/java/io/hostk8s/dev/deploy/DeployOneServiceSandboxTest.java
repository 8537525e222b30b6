package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Deploying one service (its objects only, its rollout only) and restarting it, in one sandbox (real pod processes). */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployOneServiceSandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;

  @BeforeAll
  static void engineOnTheSandbox(Sandbox s) {
    sandbox = s;
    engine = DeployFixtures.engine(DeployFixtures.votingAppWorkspace(ws), s.kubeconfigPath());
  }

  @AfterAll
  static void endSession() {
    DeployService.endSession(engine);
  }

  @Test
  @Order(1)
  void deployingOneServiceAppliesOnlyItsObjectsAndWaitsForItsRolloutOnly() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    DeployResult result = DeployService.deploy(engine, Map.of(),
        DeployOptions.local().withService("redis").withTimeout(Duration.ofSeconds(120)), progress);

    assertThat(result.ready()).isTrue();
    assertThat(result.applied()).containsExactlyInAnyOrder("Namespace/sample-app", "Deployment/redis", "Service/redis");
    assertThat(result.services()).extracting(ServiceReadiness::name).containsExactly("redis");
    assertThat(result.summary()).isEqualTo("redis ready in sample-app");
    assertThat(progress.messages).anyMatch(m -> m.startsWith("select: redis"));
    assertThat(sandbox.client().apps().deployments().inNamespace(NS).list().getItems())
        .extracting(d -> d.getMetadata().getName()).containsExactly("redis");
    ServiceStatus redis = engine.status().get().services().stream().filter(s -> s.name().equals("redis")).findFirst().orElseThrow();
    assertThat(redis.dev()).as("not a service of hostk8s.dev.yaml").isFalse();
    assertThat(redis.ready()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aConfiguredServiceIsDeployedWithItsKubernetesServiceAndNothingElse() throws Exception {
    DeployResult result = DeployService.deploy(engine, Map.of(),
        DeployOptions.local().withService("worker").withWaitReady(false), new RecordingProgress());
    assertThat(result.applied()).contains("Deployment/worker").noneMatch(a -> a.contains("vote") || a.contains("result") || a.contains("db"));
    assertThat(result.services()).extracting(ServiceReadiness::name).containsExactly("worker");
  }

  @Test
  @Order(3)
  void anUnknownServiceFailsBeforeApplyingAnythingNamingTheServicesThereAre() {
    assertThatThrownBy(() -> DeployService.deploy(engine, Map.of(), DeployOptions.local().withService("votes"), new RecordingProgress()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
          assertThat(e.getMessage()).contains("'votes'").contains("vote, worker, result", "redis");
          assertThat(e.suggestions()).singleElement().asString().contains("hostk8s-dev deploy vote");
        });
  }

  @Test
  @Order(4)
  void restartReplacesEveryPodOfTheServiceAndWaitsForTheNewOnes() throws Exception {
    List<String> before = podNames("redis");
    assertThat(before).hasSize(1);
    Restarter.Restarted r = new Restarter(sandbox.client(), engine.workspace().config().config())
        .restart("redis", Duration.ofSeconds(120), new RecordingProgress());
    assertThat(r.ready()).isTrue();
    assertThat(r.deployment()).isEqualTo("redis");
    assertThat(r.oldPods()).isEqualTo(before);
    assertThat(r.pods()).hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(r.summary()).startsWith("redis restarted: ");
    assertThat(sandbox.client().apps().deployments().inNamespace(NS).withName("redis").get().getSpec().getTemplate().getMetadata()
        .getAnnotations()).containsKey(Restarter.ANNOTATION);
  }

  @Test
  @Order(5)
  void restartingAServiceWithNoDeploymentSaysWhichThereAre() {
    assertThatThrownBy(() -> new Restarter(sandbox.client(), engine.workspace().config().config())
        .restart("vote", Duration.ofSeconds(5), new RecordingProgress()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
          assertThat(e.getMessage()).contains("'vote'").contains("redis");
        });
  }

  private static List<String> podNames(String app) {
    return sandbox.client().pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).map(Pod::getMetadata).map(m -> m.getName()).sorted().toList();
  }
}
