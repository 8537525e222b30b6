package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.build.PodmanEngine;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.prism.Prism;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
  private static DigitalOceanStandIn standIn;
  private static Prism prism;
  private static PodmanEngine podman;
  private static DigitalOcean audit;

  @BeforeAll
  static void start() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(repo, shared.resolve("do"))
        .withProvisionSeconds(1).withAuthRegistry(true));
    prism = Prism.proxy(standIn.baseUrl());
    podman = PodmanEngine.start(shared.resolve("podman"), standIn.authRegistry().orElseThrow().host());
    audit = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(TOKEN)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (audit != null) {
      audit.close();
    }
    if (podman != null) {
      podman.close();
    }
    if (prism != null) {
      prism.close();
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void applyStatusTeardownFromTheCommandLine() throws Exception {
    Path root = OfflineVotingApp.create(shared.resolve("app"), podman);
    OfflineVotingApp.copy(Path.of("..").toAbsolutePath().normalize().resolve("voting-app/k8s/digitalocean"),
        root.resolve("voting-app/k8s/digitalocean"));
    Map<String, String> env = new HashMap<>(podman.env());
    env.put("DIGITALOCEAN_ACCESS_TOKEN", TOKEN);
    env.put("DIGITALOCEAN_API_URL", prism.baseUrl());
    env.put("HOSTK8S_BUILD_PULL", "false");
    env.put("HOSTK8S_JIB_BASE_IMAGE", "scratch");
    env.put("JAVA_TOOL_OPTIONS", "-DsendCredentialsOverHttp=true");
    env.put("HOME", root.resolve("home").toString());

    Run infra = cli(root, env, "publish", "apply", "--infra-only", "--yes");
    assertThat(infra.code()).as(infra.toString()).isZero();
    String clusterId = new PublishStateStore(root.resolve(".hostk8s")).load().orElseThrow().clusterId();
    env.put("HOSTK8S_CA_FILE", shared.resolve("do/clusters").resolve(clusterId).resolve("ca.pem").toString());

    Run apply = cli(root, env, "publish", "apply", "--yes");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("published: https://").contains(".sslip.io/vote/")
        .contains("3 built, 3 pushed, 0 unchanged");

    Run status = null;
    JsonNode cloud = null;
    for (int i = 0; i < 20; i++) { // a live reading: read until every service is ready (a probe may be between rounds)
      status = cli(root, env, "--json", "publish", "status");
      cloud = status.code() == 0 ? new ObjectMapper().readTree(status.out()).path("cloud") : null;
      if (cloud != null && cloud.path("app").path("servicesReady").asInt() == 5) {
        break;
      }
      Thread.sleep(2000);
    }
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(cloud.path("state").asText()).isEqualTo("running");
    assertThat(cloud.path("app").path("httpsOk").asBoolean()).isTrue();
    assertThat(cloud.path("app").path("servicesReady").asInt()).as(status.out()).isEqualTo(5);

    Run down = cli(root, env, "publish", "teardown", "--yes");
    assertThat(down.code()).as(down.toString()).isZero();
    assertThat(down.out()).contains("nothing publish created is left on DigitalOcean");
    assertThat(audit.kubernetes().listClusters()).isEmpty();
    assertThat(audit.registry().list()).isEmpty();
    assertThat(audit.loadBalancers().list()).isEmpty();
    assertThat(audit.volumes().list("fra1")).isEmpty();
    assertThat(prism.violations()).isEmpty();

    String password = standIn.authRegistry().map(AuthRegistry::password).orElseThrow();
    for (String secret : List.of(TOKEN, password)) {
      assertThat(OfflineVotingApp.filesContaining(secret, root)).isEmpty();
      for (Run r : List.of(infra, apply, status, down)) {
        assertThat(r.out() + r.err()).doesNotContain(secret);
      }
    }
  }

  record Run(int code, String out, String err) {}

  private static Run cli(Path root, Map<String, String> env, String... args) throws IOException, InterruptedException {
    CliProcess.Run r = CliProcess.run(shared, root, env, args);
    return new Run(r.code(), r.out(), r.err());
  }
}
