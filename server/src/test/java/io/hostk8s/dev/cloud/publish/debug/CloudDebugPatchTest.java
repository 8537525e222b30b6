package io.hostk8s.dev.cloud.publish.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.hostk8s.dev.cloud.publish.DebugMode;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published Deployments (the repository's voting-app/k8s/digitalocean) into debug mode and back. */
class CloudDebugPatchTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  static final String PROD = "registry.digitalocean.com/reg/hostk8s-vote:1111";
  static final String DEV = "registry.digitalocean.com/reg/hostk8s-vote:dev2222";
  static final Map<String, ServiceConfig> SERVICES = Defaults.votingApp().services();

  static Deployment published(String service, String image) throws Exception {
    String yaml = Files.readString(Path.of("..", "voting-app/k8s/digitalocean", service + ".yaml"))
        .replace("REGISTRY_PLACEHOLDER/hostk8s-" + service + ":TAG_PLACEHOLDER", image);
    return JSON.unmarshal(yaml.split("\n---\n")[0], Deployment.class);
  }

  @Test
  void voteGetsTheDevImageDebugpyOneReplicaAndNoLivenessProbeAndTheProductionTemplateIsKept() throws Exception {
    Deployment prod = published("vote", PROD);
    Deployment d = CloudDebugPatch.start(prod, "vote", SERVICES.get("vote"), DEV, "2026-12-06T18:00:00Z");

    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo(DEV);
    assertThat(c.getPorts()).anySatisfy(p -> {
      assertThat(p.getName()).isEqualTo("debugpy");
      assertThat(p.getContainerPort()).isEqualTo(5678);
    });
    assertThat(c.getLivenessProbe()).as("a paused process must not be restarted").isNull();
    assertThat(c.getReadinessProbe()).isNotNull();
    assertThat(c.getSecurityContext().getRunAsNonRoot()).as("the dev image runs as root").isFalse();
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    DebugMode mode = CloudDebugPatch.mode(d).orElseThrow();
    assertThat(mode).isEqualTo(new DebugMode("vote", "vote", "python", 5678, DEV, "2026-12-06T18:00:00Z"));
    assertThat(prod.getSpec().getReplicas()).as("the live object is not changed").isEqualTo(2);

    Deployment back = CloudDebugPatch.stop(d);
    assertThat(back.getSpec()).isEqualTo(prod.getSpec());
    assertThat(back.getMetadata().getAnnotations()).doesNotContainKeys(CloudDebugPatch.MARKER, CloudDebugPatch.RESTORE);
    assertThat(CloudDebugPatch.mode(back)).isEmpty();
  }

  @Test
  void startingAgainConvergesOnTheSameProductionTemplate() throws Exception {
    Deployment prod = published("vote", PROD);
    Deployment once = CloudDebugPatch.start(prod, "vote", SERVICES.get("vote"), DEV, "t1");
    Deployment twice = CloudDebugPatch.start(once, "vote", SERVICES.get("vote"), DEV + "b", "t2");
    assertThat(twice.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
        .filteredOn(p -> "debugpy".equals(p.getName())).hasSize(1);
    assertThat(CloudDebugPatch.stop(twice).getSpec()).isEqualTo(prod.getSpec());
  }

  @Test
  void theWorkerKeepsItsProductionImageAndGetsJdwpInJavaToolOptions() throws Exception {
    Deployment prod = published("worker", "registry.digitalocean.com/reg/hostk8s-worker:3333");
    Deployment d = CloudDebugPatch.start(prod, "worker", SERVICES.get("worker"), null, "t");
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.digitalocean.com/reg/hostk8s-worker:3333");
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("JAVA_TOOL_OPTIONS");
      assertThat(e.getValue()).contains("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005");
    });
    assertThat(c.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("jdwp"));
    assertThat(CloudDebugPatch.mode(d).orElseThrow().port()).isEqualTo(5005);
    assertThat(CloudDebugPatch.stop(d).getSpec()).isEqualTo(prod.getSpec());
  }

  @Test
  void aDeploymentThatDoesNotRunTheServiceIsRefusedWith7064() throws Exception {
    assertThatThrownBy(() -> CloudDebugPatch.start(published("redis", "redis:7"), "vote", SERVICES.get("vote"), DEV, "t"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code().code()).isEqualTo(7064));
  }
}
