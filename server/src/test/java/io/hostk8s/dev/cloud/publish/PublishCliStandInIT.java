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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    List<Run> targetRuns = targetSwitch(root, env);

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
      for (Run r : concat(List.of(infra, apply, status, down), targetRuns)) {
        assertThat(r.out() + r.err()).doesNotContain(secret);
      }
    }
  }

  /**
   * The target switch against the published cluster: {@code status --target cloud} reads it through publish's
   * kubeconfig (every service with CPU and memory from the stand-in's metrics API, the cost in the status);
   * {@code sync --target cloud} is refused (7060); {@code target cloud} is remembered, {@code logs} reads the cloud
   * pod's log, {@code target local} goes back.
   */
  private static List<Run> targetSwitch(Path root, Map<String, String> env) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Run onCloud = cli(root, env, "--json", "status", "--target", "cloud");
    assertThat(onCloud.code()).as(onCloud.toString()).isZero();
    JsonNode st = json.readTree(onCloud.out());
    assertThat(st.path("cluster").path("target").asText()).isEqualTo("digitalocean");
    assertThat(st.path("cluster").path("state").asText()).as(onCloud.out()).isEqualTo("running");
    assertThat(st.path("cloud").path("monthlyUsd").asDouble()).as("the running cost stays in the status").isPositive();
    List<String> measured = new ArrayList<>();
    for (JsonNode svc : st.path("services")) {
      assertThat(svc.path("metrics").path("memoryBytes").asLong()).as("memory of " + svc + " on the cloud").isPositive();
      measured.add(svc.path("name").asText());
    }
    assertThat(measured).contains("vote", "result", "worker", "db", "redis");

    Run sync = cli(root, env, "sync", "vote", "--target", "cloud");
    assertThat(sync.code()).as(sync.toString()).isNotZero();
    assertThat(sync.err()).contains("7060").contains("file sync").contains("hostk8s-dev target local");

    Run set = cli(root, env, "target", "cloud");
    assertThat(set.code()).as(set.toString()).isZero();
    assertThat(set.out()).contains("Target: digitalocean").contains("running");
    Run text = cli(root, env, "status");
    assertThat(text.out()).as(text.toString()).contains("target   digitalocean").contains("cpu ").contains("/month");
    Run logs = cli(root, env, "logs", "vote", "--tail", "20");
    assertThat(logs.code()).as(logs.toString()).isZero();
    assertThat(logs.out()).as("vote's log from the cloud pod").isNotBlank();
    Run back = cli(root, env, "target", "local");
    assertThat(back.code()).as(back.toString()).isZero();
    assertThat(back.out()).contains("Target: local");
    return List.of(onCloud, sync, set, text, logs, back);
  }

  private static List<Run> concat(List<Run> a, List<Run> b) {
    List<Run> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  record Run(int code, String out, String err) {}

  private static Run cli(Path root, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target/hostk8s-dev-server.jar").toAbsolutePath().toString(), "--workspace", root.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(shared, "out", ".txt");
    Path err = Files.createTempFile(shared, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hostk8s-dev " + String.join(" ", args) + " did not end in 10 min");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
