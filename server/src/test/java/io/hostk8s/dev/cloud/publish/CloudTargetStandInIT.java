package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.deploy.DeployTarget;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.forward.ForwardFixtures;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One product, two targets, on the DigitalOcean stand-in through Prism's validating proxy: a published cluster (the
 * provisioning part of publish apply) runs vote and redis, deployed by the deploy code publish uses (a remote
 * target) with {@code environments.cloud} applied (vote: 2 replicas); then the CLI as a person runs it: {@code status
 * --target cloud} reads that cluster through publish's kubeconfig (every service with CPU and memory from the
 * stand-in's metrics API, the monthly cost), {@code sync --target cloud} is refused (7060), {@code target cloud} is
 * remembered, {@code logs} reads the cloud pod's log, {@code target local} goes back.
 */
class CloudTargetStandInIT {
  private static final String TOKEN = "dop_v1_targetSWITCH0123456789abcdef012345";
  @TempDir
  static Path shared;
  private static DigitalOceanStandIn standIn;
  private static Prism prism;

  @BeforeAll
  static void start() {
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(ForwardFixtures.repo(), shared.resolve("do"))
        .withProvisionSeconds(1));
    prism = Prism.proxy(standIn.baseUrl());
  }

  @AfterAll
  static void stop() {
    prism.close();
    standIn.close();
  }

  @Test
  void theCliWorksOnThePublishedClusterAndRefusesDevOnlyWork() throws Exception {
    Path ws = ForwardFixtures.workspace(Files.createDirectories(shared.resolve("ws")), List.of("redis.yaml", "vote.yaml"));
    Files.writeString(ws.resolve("hostk8s.dev.yaml"), """
        environments:
          local: { services: { vote: { replicas: 1 } } }
          cloud: { services: { vote: { replicas: 2 } } }
        """);
    Map<String, String> env = Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN);
    try (LocalEngine engine = Engines.local(ws, env, null, "observed", "test")) {
      PublishResult infra = (PublishResult) engine.execute(CommandIds.PUBLISH_APPLY, CommandArgs.of(new PublishArgs(
          "operated", "fra1", "s-2vcpu-4gb", 2, "latest", null, null, prism.baseUrl(), true, true)), Progress.NONE).get();
      assertThat(infra.ok()).isTrue();
      Path kubeconfig = Path.of(infra.cloud().kubeconfig());
      DeployResult deployed = DeployService.deploy(engine.services(), DeployTarget.remote("digitalocean", kubeconfig,
          "sample-app", "voting-app/k8s/local", UnaryOperator.identity()), Map.of(),
          DeployOptions.local().withDevTransform(false).withTimeout(Duration.ofSeconds(240)), Progress.NONE);
      assertThat(deployed.ready()).as(deployed.services().toString()).isTrue();
    }
    List<CliRunner> runs = new ArrayList<>();

    CliRunner onCloud = cli(runs, ws, "--json", "status", "--target", "cloud");
    assertThat(onCloud.exit()).as(onCloud.toString()).isZero();
    JsonNode st = new ObjectMapper().readTree(onCloud.out());
    assertThat(st.path("cluster").path("target").asText()).isEqualTo("digitalocean");
    assertThat(st.path("cluster").path("state").asText()).as(onCloud.out()).isEqualTo("running");
    assertThat(st.path("cluster").path("kubeconfig").asText()).contains("/.hostk8s/publish/");
    assertThat(st.path("cloud").path("monthlyUsd").asDouble()).as("the running cost stays in the status").isPositive();
    List<String> measured = new ArrayList<>();
    for (JsonNode svc : st.path("services")) {
      if (svc.path("total").asInt() > 0) {
        assertThat(svc.path("metrics").path("memoryBytes").asLong()).as("memory of " + svc).isPositive();
        measured.add(svc.path("name").asText());
      }
    }
    assertThat(measured).contains("vote", "redis");
    JsonNode vote = null;
    for (JsonNode svc : st.path("services")) {
      vote = "vote".equals(svc.path("name").asText()) ? svc : vote;
    }
    assertThat(vote.path("total").asInt()).as("environments.cloud applied by the remote deploy").isEqualTo(2);
    assertThat(vote.path("metrics").path("pods").asInt()).isEqualTo(2);

    CliRunner sync = cli(runs, ws, "sync", "vote", "--target", "cloud");
    assertThat(sync.exit()).as(sync.toString()).isNotZero();
    assertThat(sync.err()).contains("7060").contains("file sync").contains("hostk8s-dev target local");

    CliRunner set = cli(runs, ws, "target", "cloud");
    assertThat(set.exit()).as(set.toString()).isZero();
    assertThat(set.out()).contains("Target: digitalocean").contains("running");
    CliRunner text = cli(runs, ws, "status");
    assertThat(text.out()).as(text.toString()).contains("target   digitalocean").contains("cpu ").contains("/month");
    CliRunner logs = cli(runs, ws, "logs", "vote", "--tail", "20");
    assertThat(logs.exit()).as(logs.toString()).isZero();
    assertThat(logs.out()).as("vote's log from the cloud pod").isNotBlank();
    CliRunner back = cli(runs, ws, "target", "local");
    assertThat(back.exit()).as(back.toString()).isZero();
    assertThat(back.out()).contains("Target: local");

    try (LocalEngine engine = Engines.local(ws, env, null, "observed", "test")) {
      PublishResult down = (PublishResult) engine.execute(CommandIds.PUBLISH_TEARDOWN,
          CommandArgs.of(new PublishTeardownArgs(prism.baseUrl(), null, true)), Progress.NONE).get();
      assertThat(down.ok()).as(String.join("\n", down.lines())).isTrue();
    }
    assertThat(prism.violations()).as("every request and answer matched DigitalOcean's spec").isEmpty();
    for (CliRunner r : runs) {
      assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    }
  }

  private static CliRunner cli(List<CliRunner> runs, Path ws, String... args) throws Exception {
    CliRunner r = CliRunner.inWorkspace(ws, Map.of(), Duration.ofMinutes(10), args);
    runs.add(r);
    return r;
  }
}
