package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PlanItem;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;
import io.hostk8s.dev.testbed.prism.Prism;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s.publish.plan} against Prism's mock of DigitalOcean's official spec: every request we send must be
 * one the spec accepts, and the plan is computed from the spec's own example answers.
 */
class PublishPlanPrismMockTest {
  private static final String TOKEN = "dop_v1_planprismmock0123456789";
  private static Prism prism;

  @TempDir
  Path workspace;

  @BeforeAll
  static void start() {
    prism = Prism.mock();
  }

  @AfterAll
  static void stop() {
    prism.close();
  }

  private Object run(Map<String, String> env, PublishPlanArgs args) throws Exception {
    try (LocalEngine engine = Engines.local(workspace, env, null, "observed", "test")) {
      return engine.execute(CommandIds.PUBLISH_PLAN, CommandArgs.of(args), Progress.NONE).get();
    }
  }

  @Test
  void planFromTheSpecsExamples() throws Exception {
    PublishPlan plan = (PublishPlan) run(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN),
        new PublishPlanArgs(null, "nyc1", "s-1vcpu-2gb", 2, "1.18", null, null, prism.baseUrl()));
    assertThat(plan.account()).isEqualTo("sammy@digitalocean.com");
    assertThat(plan.items()).extracting(PlanItem::kind, PlanItem::action).startsWith(
        org.assertj.core.groups.Tuple.tuple("cluster", "create"), org.assertj.core.groups.Tuple.tuple("node-pool", "create"),
        org.assertj.core.groups.Tuple.tuple("registry", "reuse"));
    assertThat(plan.items().get(0).detail()).contains("1.18.8-do.0").contains("nyc1");
    PlanItem registry = plan.items().get(2);
    assertThat(registry.name()).isEqualTo("example");
    assertThat(registry.monthlyUsd()).isEqualTo(5.0); // Basic, monthly_price_in_cents 500 in the spec's example
    assertThat(plan.monthlyUsd()).isEqualTo(5.0 + Prices.LOAD_BALANCER_MONTHLY + Prices.VOLUME_GIB_MONTHLY);
    assertThat(plan.consentNeeded()).isFalse();
    assertThat(plan.lines()).anyMatch(l -> l.startsWith("Estimated total: $15.10/month"));
    assertThat(plan.apiCalls()).isBetween(6, 9);
    assertThat(prism.violations()).isEmpty();
  }

  @Test
  void aRegionTheOptionsDoNotListIsRefusedBeforeAnythingIsCreated() {
    assertThatThrownBy(() -> run(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN),
        new PublishPlanArgs(null, "xyz9", null, null, null, null, null, prism.baseUrl())))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_NOT_OFFERED);
          assertThat(e.suggestions().get(0)).contains("fra1").contains("--region");
        });
  }

  @Test
  void withoutATokenItSaysWhereOneComesFrom() {
    assertThatThrownBy(() -> run(Map.of(), new PublishPlanArgs(null, null, null, null, null, null, null, prism.baseUrl())))
        .cause().isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_TOKEN_MISSING);
          assertThat(String.join(" ", e.suggestions())).contains("DIGITALOCEAN_ACCESS_TOKEN");
        });
  }
}
