package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s-dev publish apply --yes}, {@code publish status --json} and {@code publish teardown --yes} as a person
 * runs them: the server jar in its own process, against the DigitalOcean stand-in through Prism's validating proxy.
 * The only settings for this machine are general ones: {@code HOSTK8S_BUILD_PULL=false} and
 * {@code HOSTK8S_JIB_BASE_IMAGE=scratch} (no Docker Hub here), {@code HOSTK8S_CA_FILE} (the stand-in's test CA), and
 * Jib's {@code sendCredentialsOverHttp} (the test registry is plain HTTP on loopback).
 */
class PublishCliStandInIT {
  private static final String TOKEN = "dop_v1_CLIflowRECOGNISABLE0123456789abcd";
  @TempDir
  static Path shared;
  @RegisterExtension
  static final PublishStandIn cloud = new PublishStandIn(TOKEN, o -> o);

  @Test
  void applyStatusTeardownFromTheCommandLine() throws Exception {
    Path root = OfflineVotingApp.create(shared.resolve("app"), cloud.podman());
    OfflineVotingApp.copy(PublishStandIn.repo().resolve("voting-app/k8s/digitalocean"), root.resolve("voting-app/k8s/digitalocean"));
    Map<String, String> env = cloud.env(root);
    env.put("DIGITALOCEAN_API_URL", cloud.prism().baseUrl());
    env.put("HOSTK8S_BUILD_PULL", "false");
    env.put("HOSTK8S_JIB_BASE_IMAGE", "scratch");
    env.put("JAVA_TOOL_OPTIONS", "-DsendCredentialsOverHttp=true");

    CliRunner infra = cli(root, env, "publish", "apply", "--infra-only", "--yes");
    assertThat(infra.exit()).as(infra.toString()).isZero();
    String clusterId = new PublishStateStore(root.resolve(".hostk8s")).load().orElseThrow().clusterId();
    env.put("HOSTK8S_CA_FILE", cloud.caFile(clusterId).toString());

    CliRunner apply = cli(root, env, "publish", "apply", "--yes");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("published: https://").contains(".sslip.io/vote/")
        .contains("3 built, 3 pushed, 0 unchanged").contains("release 1 recorded (changed: result, vote, worker)");
    CliRunner history = cli(root, env, "publish", "history");
    assertThat(history.exit()).as(history.toString()).isZero();
    assertThat(history.out()).contains("release 1 running (1 recorded)").containsPattern("\\*\\s+1  apply ");
    JsonNode releases = new ObjectMapper().readTree(cli(root, env, "--json", "publish", "history").out()).path("releases");
    assertThat(releases.size()).isEqualTo(1);
    assertThat(releases.get(0).path("images").path("vote").asText()).contains("/hostk8s-vote:");
    assertThat(releases.get(0).path("current").asBoolean()).isTrue();

    CliRunner status = null;
    JsonNode live = null;
    for (int i = 0; i < 20; i++) { // a live reading: read until every service is ready (a probe may be between rounds)
      status = cli(root, env, "--json", "publish", "status");
      live = status.exit() == 0 ? new ObjectMapper().readTree(status.out()).path("cloud") : null;
      if (live != null && live.path("app").path("servicesReady").asInt() == 5) {
        break;
      }
      Thread.sleep(2000);
    }
    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(live.path("state").asText()).isEqualTo("running");
    assertThat(live.path("app").path("httpsOk").asBoolean()).isTrue();
    assertThat(live.path("app").path("servicesReady").asInt()).as(status.out()).isEqualTo(5);

    CliRunner down = cli(root, env, "publish", "teardown", "--yes");
    assertThat(down.exit()).as(down.toString()).isZero();
    assertThat(down.out()).contains("nothing publish created is left on DigitalOcean");
    assertThat(cloud.audit().kubernetes().listClusters()).isEmpty();
    assertThat(cloud.audit().registry().list()).isEmpty();
    assertThat(cloud.audit().loadBalancers().list()).isEmpty();
    assertThat(cloud.audit().volumes().list("fra1")).isEmpty();
    assertThat(cloud.prism().violations()).isEmpty();

    String password = cloud.standIn().authRegistry().map(AuthRegistry::password).orElseThrow();
    for (String secret : List.of(TOKEN, password)) {
      assertThat(OfflineVotingApp.filesContaining(secret, root)).isEmpty();
      for (CliRunner r : List.of(infra, apply, status, down)) {
        assertThat(r.out() + r.err()).doesNotContain(secret);
      }
    }
  }

  private static CliRunner cli(Path root, Map<String, String> env, String... args) throws IOException, InterruptedException {
    return CliRunner.inWorkspace(root, env, Duration.ofMinutes(10), args);
  }
}
