package io.hostk8s.dev.cloud.publish.debug;

import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.PROD;
import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.SERVICES;
import static io.hostk8s.dev.cloud.publish.debug.CloudDebugPatchTest.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview a person consents to: concrete about what changes and what it costs, from the live Deployment. */
class CloudDebugPlanTest {
  @Test
  void votesPlanNamesTheDeploymentTheDevImageTheVisitorsTheReplicasTheResourcesAndTheWayBack() throws Exception {
    List<String> lines = CloudDebugPlan.lines("vote", published("vote", PROD), SERVICES.get("vote"), "hostk8s-reg");
    String text = String.join("\n", lines);
    assertThat(text)
        .contains("Deployment vote (namespace sample-app), container vote: now " + PROD)
        .contains("a DEV image in production — built from voting-app/vote/Dockerfile.dev")
        .contains("pushed to the registry hostk8s-reg")
        .contains("debugpy on port 5678")
        .contains("replicas: 2 → 1 while debugging")
        .contains("a paused breakpoint holds REAL visitors' requests behind the published URL")
        .contains("liveness probe is removed")
        .contains("requests cpu 100m, memory 128Mi, limits cpu 1, memory 256Mi")
        .contains("`hostk8s-dev publish debug stop --service vote`");
    assertThat(CloudDebugPlan.summary("vote", published("vote", PROD), SERVICES.get("vote")))
        .isEqualTo("Debug mode for vote on the published app: Deployment vote gets debugpy on port 5678 and runs 1 "
            + "replica until `hostk8s-dev publish debug stop`");
  }

  @Test
  void theWorkersPlanNeedsNoDevImage() throws Exception {
    String text = String.join("\n", CloudDebugPlan.lines("worker",
        published("worker", "registry.digitalocean.com/reg/hostk8s-worker:3333"), SERVICES.get("worker"), "hostk8s-reg"));
    assertThat(text).contains("image: unchanged (registry.digitalocean.com/reg/hostk8s-worker:3333)")
        .contains("-agentlib:jdwp in JAVA_TOOL_OPTIONS (no dev image needed)")
        .contains("a JDWP agent (JAVA_TOOL_OPTIONS) on port 5005")
        .doesNotContain("DEV image");
    assertThat(CloudDebugPlan.needsDevImage(SERVICES.get("worker"))).isFalse();
    assertThat(CloudDebugPlan.needsDevImage(SERVICES.get("vote"))).isTrue();
  }
}
