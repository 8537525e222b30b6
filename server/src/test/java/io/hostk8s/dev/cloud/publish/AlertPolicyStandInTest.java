package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cloud.digitalocean.AlertPolicy;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import io.hostk8s.dev.protocol.commands.args.PublishTeardownArgs;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.prism.Prism;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloud.digitalocean.alerts}: publish apply creates the Monitoring alert policies (CPU and memory of the
 * cluster's droplets, by e-mail), apply again changes nothing, a changed threshold updates them, teardown removes
 * them and leaves the person's own policy — through Prism's validating proxy with DigitalOcean's spec.
 */
class AlertPolicyStandInTest {
  private static final String TOKEN = "dop_v1_alertsTEST0123456789abcdef0123456789";
  @TempDir
  static Path standInDir;
  @TempDir
  Path workspace;
  private static DigitalOceanStandIn standIn;
  private static Prism prism;
  private static DigitalOcean audit;

  @BeforeAll
  static void start() {
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(standInDir, standInDir.resolve("state"))
        .withPageSize(2).withProvisionSeconds(1));
    prism = Prism.proxy(standIn.baseUrl());
    audit = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    audit.close();
    prism.close();
    standIn.close();
  }

  private PublishResult run(String id, Record args) throws Exception {
    try (LocalEngine engine = Engines.local(workspace, Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN), null, "observed", "test")) {
      return (PublishResult) engine.execute(id, CommandArgs.of(args), Progress.NONE).get();
    }
  }

  private void configure(String alerts) throws Exception {
    Files.writeString(workspace.resolve("hostk8s.dev.yaml"), "cloud:\n  digitalocean:\n    alerts: " + alerts + "\n");
  }

  private PublishArgs apply() {
    return new PublishArgs("alerting", "fra1", "s-2vcpu-4gb", 2, "latest", null, null, prism.baseUrl(), true, true);
  }

  @Test
  void applyCreatesThePoliciesAgainChangesNothingAndTeardownRemovesOnlyOurs() throws Exception {
    AlertPolicy mine = audit.monitoring().create(new AlertPolicy.Request("v1/insights/droplet/load_5", "my own",
        "GreaterThan", 3, "10m", List.of(), List.of("web"), new AlertPolicy.Alerts(List.of("me@example.com"), List.of()), true));
    configure("{ email: ops@example.com }");

    PublishResult applied = run(CommandIds.PUBLISH_APPLY, apply());
    String clusterId = applied.cloud().clusterId();
    List<AlertPolicy> ours = ours(clusterId);
    assertThat(ours).extracting(AlertPolicy::type)
        .containsExactlyInAnyOrder("v1/insights/droplet/cpu", "v1/insights/droplet/memory_utilization_percent");
    assertThat(ours).allSatisfy(p -> {
      assertThat(p.alerts().email()).containsExactly("ops@example.com");
      assertThat(p.compare()).isEqualTo("GreaterThan");
      assertThat(p.window()).isEqualTo("5m");
      assertThat(p.enabled()).isTrue();
    });
    assertThat(ours).extracting(AlertPolicy::value).containsExactlyInAnyOrder(80.0, 90.0);
    assertThat(applied.lines()).anyMatch(l -> l.startsWith("alert policy created"));

    PublishResult again = run(CommandIds.PUBLISH_APPLY, apply());
    assertThat(again.lines()).noneMatch(l -> l.startsWith("alert policy"));
    assertThat(ours(clusterId)).extracting(AlertPolicy::uuid).containsExactlyInAnyOrderElementsOf(
        ours.stream().map(AlertPolicy::uuid).toList());

    configure("{ email: [ops@example.com], cpuPercent: 70 }");
    PublishResult changed = run(CommandIds.PUBLISH_APPLY, apply());
    assertThat(changed.lines()).anyMatch(l -> l.startsWith("alert policy updated") && l.contains("CPU above 70%"));
    assertThat(ours(clusterId)).extracting(AlertPolicy::value).containsExactlyInAnyOrder(70.0, 90.0);

    PublishResult down = run(CommandIds.PUBLISH_TEARDOWN, new PublishTeardownArgs(prism.baseUrl(), null, true));
    assertThat(down.ok()).as(String.join("\n", down.lines())).isTrue();
    assertThat(down.lines()).filteredOn(l -> l.startsWith("deleted alert policy")).hasSize(2);
    assertThat(audit.monitoring().list()).extracting(AlertPolicy::uuid).containsExactly(mine.uuid());
    assertThat(prism.violations()).as("every request and answer matched DigitalOcean's spec").isEmpty();
    audit.monitoring().delete(mine.uuid());
  }

  private static List<AlertPolicy> ours(String clusterId) {
    return audit.monitoring().list().stream().filter(p -> p.tags().contains("k8s:" + clusterId)).toList();
  }
}
