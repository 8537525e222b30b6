package io.hostk8s.dev.cloud.publish.debug;

import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.DEV;
import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.PROD;
import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.SERVICES;
import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hostk8s.dev.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * What {@code publish apply} and {@code publish rollback} do first: every published Deployment in debug mode gets its
 * recorded production template back through the API (the others untouched), and says so.
 */
@EnableKubernetesMockClient(crud = true)
class CloudDebugEndTest {
  KubernetesClient client;

  @Test
  void applyEndsDebugModeFirstAndLeavesTheOtherDeploymentsAlone() throws Exception {
    Deployment prod = published("vote", PROD);
    Deployment worker = published("worker", "registry.digitalocean.com/reg/hostk8s-worker:3333");
    client.resource(CloudDebugPatch.start(prod, "vote", SERVICES.get("vote"), DEV, "t")).create();
    client.resource(worker).create();

    assertThat(CloudDebug.endBeforeApply(client, Progress.NONE)).containsExactly(
        "vote: debug mode ended — Deployment vote back to its production template and replicas");

    Deployment vote = client.apps().deployments().inNamespace("sample-app").withName("vote").get();
    assertThat(vote.getSpec().getReplicas()).isEqualTo(2);
    assertThat(vote.getSpec().getTemplate()).isEqualTo(prod.getSpec().getTemplate());
    assertThat(CloudDebugPatch.mode(vote)).isEmpty();
    assertThat(client.apps().deployments().inNamespace("sample-app").withName("worker").get().getSpec())
        .isEqualTo(worker.getSpec());
    assertThat(CloudDebug.endBeforeApply(client, Progress.NONE)).as("nothing in debug mode: nothing to say").isEmpty();
  }
}
