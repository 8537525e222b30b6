package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.cloud.images.CloudImages;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.cloud.publish.PublishStandIn;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Target;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.deploy.DeployTarget;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.forward.Forward;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDebugArgs;
import io.hostk8s.dev.protocol.commands.args.PublishDebugServiceArgs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A debug session on the published app, on the DigitalOcean stand-in through Prism's validating proxy: vote and redis
 * published from the production manifests (2 vote replicas); {@code publish debug start} without consent is refused
 * with what it costs (the CLI jar); with consent the vote Deployment runs the dev image (built by Podman from
 * Dockerfile.dev, pushed to the stand-in's registry with the docker-credentials) with debugpy and 1 replica; the
 * product's DAP adapter, on the cloud target, attaches and stops in vote's POST handler on a real vote through a
 * port-forward; the status warns; {@code publish debug stop} brings the production image back without the debug port
 * and the app serves; attaching again is refused (7060).
 */
class CloudDebugStandInIT {
  private static final String TOKEN = "dop_v1_cloudDEBUG0123456789abcdef0123456789";
  @RegisterExtension
  static final PublishStandIn cloud = new PublishStandIn(TOKEN, o -> o);
  @TempDir
  static Path shared;

  @Test
  void aConsentedDebugSessionOnThePublishedVoteStopsOnARealVoteAndStopRestoresProduction() throws Exception {
    long t0 = System.nanoTime();
    Path root = OfflineVotingApp.create(shared.resolve("app"), cloud.podman());
    OfflineVotingApp.offlineDevDockerfiles(root, cloud.podman().baseImage()); // debug start builds vote's Dockerfile.dev
    Path manifests = Files.createDirectories(root.resolve("voting-app/k8s/digitalocean"));
    for (String m : List.of("00-namespace.yaml", "redis.yaml", "vote.yaml")) {
      Files.copy(PublishStandIn.repo().resolve("voting-app/k8s/digitalocean").resolve(m), manifests.resolve(m));
    }
    Map<String, String> env = cloud.env(root);
    env.put("HOSTK8S_BUILD_PULL", "false"); // the base image is local to this machine's Podman (no Docker Hub here)

    Path kubeconfig;
    String production;
    try (LocalEngine engine = Engines.local(root, env, null, "observed", "test")) {
      PublishResult infra = (PublishResult) engine.execute(CommandIds.PUBLISH_APPLY, CommandArgs.of(new PublishArgs("dbg",
          "fra1", "s-2vcpu-4gb", 2, "latest", null, null, cloud.prism().baseUrl(), true, true)), Progress.NONE).get();
      assertThat(infra.ok()).isTrue();
      kubeconfig = Path.of(infra.cloud().kubeconfig());
      // vote's real production image in the cloud registry: the DOKS stand-in pulls it and runs its files
      String credentials = cloud.audit().registry().dockerCredentials(infra.cloud().registry(), true, 900);
      production = new CloudImages().one(engine.services(), "vote", BuildMode.PROD, infra.cloud().registry(), credentials,
          Progress.NONE).image().inCluster();
      DeployResult deployed = DeployService.deploy(engine.services(), DeployTarget.remote("digitalocean", kubeconfig,
          "sample-app", "voting-app/k8s/digitalocean", text -> text.replace(
              "REGISTRY_PLACEHOLDER/hostk8s-vote:TAG_PLACEHOLDER", production)), Map.of(),
          DeployOptions.local().withDevTransform(false).withTimeout(Duration.ofSeconds(240)), Progress.NONE);
      assertThat(deployed.ready()).as(deployed.services().toString()).isTrue();
    }
    long tPublished = System.nanoTime();

    CliRunner refused = CliRunner.inWorkspace(root, env, java.time.Duration.ofMinutes(10), "publish", "debug", "start", "--service", "vote");
    assertThat(refused.exit()).as(refused.toString()).isNotZero();
    assertThat(refused.err()).as("the refusal says what it costs").contains("7014")
        .contains("Deployment vote gets debugpy on port 5678")
        .contains("a DEV image in production")
        .contains("REAL visitors' requests")
        .contains("replicas: 2 → 1")
        .contains("--yes");
    try (KubernetesClient kube = client(kubeconfig)) {
      assertThat(image(kube)).as("nothing changed without consent").isEqualTo(production);
    }

    try (LocalEngine engine = Engines.local(root, env, null, Target.DIGITALOCEAN, "observed", "test", DebugAdapterHost.NONE);
        KubernetesClient kube = client(kubeconfig)) {
      long tStart = System.nanoTime();
      PublishResult started = (PublishResult) engine.execute(CommandIds.PUBLISH_DEBUG_START,
          CommandArgs.of(new PublishDebugArgs("vote", true)), Progress.NONE).get(5, TimeUnit.MINUTES);
      long tStarted = System.nanoTime();
      assertThat(started.lines()).anySatisfy(l -> assertThat(l).contains("dev image").contains("built and pushed"));
      String dev = image(kube);
      assertThat(dev).startsWith(cloud.standIn().authRegistry().orElseThrow().host() + "/").contains("/hostk8s-vote:")
          .isNotEqualTo(production);
      Deployment vote = kube.apps().deployments().inNamespace("sample-app").withName("vote").get();
      assertThat(vote.getSpec().getReplicas()).isEqualTo(1);
      assertThat(vote.getMetadata().getAnnotations()).containsKey("hostk8s.dev/cloud-debug");
      assertThat(votePods(kube)).singleElement().satisfies(p -> assertThat(debugPorts(p)).containsExactly(5678));
      assertThat(started.cloud().app().debugging()).singleElement().asString().contains("vote: DEBUG MODE");

      CliRunner status = CliRunner.inWorkspace(root, env, java.time.Duration.ofMinutes(10), "--json", "status", "--target", "cloud");
      JsonNode st = new ObjectMapper().readTree(status.out());
      assertThat(st.path("cloud").path("app").path("debugging").get(0).asText()).as(status.toString()).contains("vote: DEBUG MODE");

      Forward http = PortForwards.of(engine.services()).open("vote", "http", 80, null);
      http.awaitPod(Duration.ofSeconds(60));
      long tAttach = System.nanoTime();
      try (DapTestClient ide = new DapTestClient(DapServer.of(engine.services()))) {
        VoteScenario scenario = new VoteScenario(ide, http.localPort(), root.resolve("voting-app/vote/app.py"));
        ide.initialize();
        ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        ide.attach(Map.of("type", "hostk8s", "request", "attach", "service", "vote"), Duration.ofSeconds(60));
        scenario.voteStopInspectContinue("a", Duration.ofSeconds(90));
        ide.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
      }
      long tStop = System.nanoTime();
      PublishResult stopped = (PublishResult) engine.execute(CommandIds.PUBLISH_DEBUG_STOP,
          CommandArgs.of(new PublishDebugServiceArgs("vote")), Progress.NONE).get(5, TimeUnit.MINUTES);
      long tStopped = System.nanoTime();
      assertThat(stopped.summary()).isEqualTo("vote back to production, ready");
      assertThat(image(kube)).isEqualTo(production);
      vote = kube.apps().deployments().inNamespace("sample-app").withName("vote").get();
      assertThat(vote.getSpec().getReplicas()).isEqualTo(2);
      assertThat(vote.getMetadata().getAnnotations()).doesNotContainKey("hostk8s.dev/cloud-debug");
      assertThat(votePods(kube)).hasSize(2).allSatisfy(p -> assertThat(debugPorts(p)).isEmpty());
      assertThat(stopped.cloud().app() == null || stopped.cloud().app().debugging().isEmpty()).isTrue();
      assertThat(get(http.localPort())).as("the production vote serves").isEqualTo(200);

      try (DapTestClient again = new DapTestClient(DapServer.of(engine.services()))) {
        again.initialize();
        assertThatThrownBy(() -> again.attach(Map.of("type", "hostk8s", "request", "attach", "service", "vote"),
            Duration.ofSeconds(30))).hasMessageContaining("vote is not in debug mode there")
            .hasMessageContaining("publish debug start").cause().isInstanceOfSatisfying(ResponseErrorException.class,
                e -> assertThat(String.valueOf(e.getResponseError().getData())).as("DAP's error message id")
                    .containsPattern("id\\W{1,3}7060"));
      }
      System.out.printf("cloud debug figures: publish (infra + vote, redis) %.1f s, debug start (dev image built and "
          + "pushed, rollout) %.1f s, attach to stop on a vote %.1f s, debug stop (rollout with readiness) %.1f s%n",
          secs(tPublished - t0), secs(tStarted - tStart), secs(tStop - tAttach), secs(tStopped - tStop));
    }
    assertThat(cloud.prism().violations()).as("every request and answer matched DigitalOcean's spec").isEmpty();
    assertThat(refused.out() + refused.err()).doesNotContain(TOKEN);
  }

  private static KubernetesClient client(Path kubeconfig) {
    return KubeClients.client(KubeClients.config(kubeconfig, 10_000, 60_000));
  }

  private static String image(KubernetesClient kube) {
    return kube.apps().deployments().inNamespace("sample-app").withName("vote").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static List<Pod> votePods(KubernetesClient kube) {
    return kube.pods().inNamespace("sample-app").withLabel("app", "vote").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static List<Integer> debugPorts(Pod p) {
    Container c = p.getSpec().getContainers().get(0);
    return c.getPorts().stream().map(x -> x.getContainerPort()).filter(n -> n == 5678).toList();
  }

  private static int get(int port) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return ForwardFixtures.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.io.IOException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }
}
