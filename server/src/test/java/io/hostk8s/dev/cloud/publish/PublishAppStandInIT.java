package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancer;
import io.hostk8s.dev.cloud.digitalocean.Volume;
import io.hostk8s.dev.cloud.images.CloudImages;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.cloud.publish.app.AppPublisher;
import io.hostk8s.dev.cloud.publish.app.ImageStep;
import io.hostk8s.dev.cloud.publish.release.Release;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.cloud.PublishDataResult;
import io.hostk8s.dev.protocol.cloud.PublishHistoryResult;
import io.hostk8s.dev.protocol.commands.args.PublishDataArgs;
import io.hostk8s.dev.protocol.commands.args.PublishRollbackArgs;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Target;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;
import io.hostk8s.dev.protocol.commands.args.PublishTeardownArgs;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole publish against real parts: the DigitalOcean stand-in (every API call through Prism's validating proxy
 * of DigitalOcean's spec) whose DOKS cluster is a sandbox with DigitalOcean's controllers (load balancer, block
 * storage) and Traefik / cert-manager stand-ins issuing from a test CA; images built by Podman and Jib and pushed to
 * a real registry that wants the docker-credentials' password. A vote cast over HTTPS at /vote/ is counted at
 * /result/; every service has CPU and memory from the cluster's metrics API; a redeploy builds nothing and keeps the
 * rows; a vote edit shows on the published page after apply and is gone after rollback (the stand-in's kubelet runs
 * vote and result from the pulled images' files); teardown leaves nothing publish made and everything it did not.
 *
 * <p>The image step is the product's {@link CloudImages} with offline build options (no base image pulls, the worker
 * on {@code scratch}): Docker Hub and PyPI are out of reach here (see {@link OfflineVotingApp}).
 */
class PublishAppStandInIT {
  private static final String TOKEN = "dop_v1_APPflowRECOGNISABLE0123456789abcdef";
  private static final String DOMAIN = "example.test";
  private static final String HOST = "voting." + DOMAIN;
  /** What the vote edit of release 2 adds to the page's heading. */
  private static final String EDIT = "(release 2)";
  @TempDir
  static Path shared;
  @RegisterExtension
  static final PublishStandIn cloud = new PublishStandIn(TOKEN, o -> o.withPageSize(2));
  private static final List<String> logged = new CopyOnWriteArrayList<>();
  private static final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(new SimpleFormatter().format(r));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void start() {
    System.setProperty("sendCredentialsOverHttp", "true"); // Jib → the loopback test registry (DOCR is https)
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);
  }

  @AfterAll
  static void stop() {
    Logger.getLogger("").removeHandler(capture);
    System.clearProperty("sendCredentialsOverHttp");
  }

  @Test
  void voteOverHttpsRedeployKeepsTheRowsTeardownLeavesOnlyWhatWasNotOurs() throws Exception {
    Path root = OfflineVotingApp.create(shared.resolve("app"), cloud.podman());
    OfflineVotingApp.copy(PublishStandIn.repo().resolve("voting-app/k8s/digitalocean"),
        root.resolve("voting-app/k8s/digitalocean"));
    Files.writeString(root.resolve("hostk8s.dev.yaml"), "cloud:\n  digitalocean:\n    domain: " + DOMAIN
        + "\n    acmeEmail: ops@" + DOMAIN + "\n");
    // the person's own things, which teardown must leave: the zone with a record, a load balancer, a volume
    cloud.audit().domains().create(DOMAIN);
    long www = cloud.audit().domains().createA(DOMAIN, "www", "192.0.2.10", 300).id();
    String theirLb = cloud.standIn().account().addLoadBalancer(null, "their-lb", "fra1", "192.0.2.11", "active");
    String theirVolume = cloud.standIn().account().addVolume(null, "their-volume", "fra1", 5);

    Map<String, String> env = cloud.env(root);
    PublishArgs infra = new PublishArgs("app", "fra1", "s-2vcpu-4gb", 2, "latest", null, null, cloud.prism().baseUrl(), true, true);
    long t0 = System.nanoTime();
    PublishResult provisioned = (PublishResult) run(root, env, CommandIds.PUBLISH_APPLY, infra);
    long tInfra = System.nanoTime();
    assertThat(provisioned.ok()).isTrue();
    PublishStateStore store = new PublishStateStore(root.resolve(".hostk8s"));
    PublishState state = store.load().orElseThrow();
    Path ca = cloud.caFile(state.clusterId());
    env.put("HOSTK8S_CA_FILE", ca.toString()); // the stand-in's cert-manager issues from a test CA

    AppPublisher.Outcome first = publishApp(root, env, state);
    long tApp = System.nanoTime();
    assertThat(first.httpsOk()).as(String.join("\n", first.lines())).isTrue();
    assertThat(first.url()).isEqualTo("https://" + HOST + "/vote/");
    AppState app = first.state().app();
    assertThat(app.lbName()).isEqualTo("app-lb");
    assertThat(app.domainCreated()).as("the zone was the person's").isFalse();
    assertThat(app.volumeIds()).hasSize(1);
    assertThat(first.warnings()).as("the zone's name servers are checked (no DNS here: said so)")
        .anyMatch(w -> w.contains(DOMAIN) && w.contains("digitalocean.com"));
    assertThat(cloud.audit().domains().records(DOMAIN, "A", HOST)).singleElement()
        .satisfies(r -> assertThat(r.data()).isEqualTo(app.lbIp()));

    // status is a live reading: a pod may be between probes right after the rollout, so read until all is ready
    PublishResult status = null;
    for (int i = 0; i < 30; i++) {
      status = (PublishResult) run(root, env, CommandIds.PUBLISH_STATUS,
          new io.hostk8s.dev.protocol.commands.args.PublishStatusArgs(cloud.prism().baseUrl()));
      if (status.ok() && Integer.valueOf(5).equals(status.cloud().app().servicesReady())) {
        break;
      }
      Thread.sleep(2000);
    }
    assertThat(status.ok()).as(String.join("\n", status.lines())).isTrue();
    io.hostk8s.dev.protocol.cloud.CloudApp live = status.cloud().app();
    assertThat(live.httpsOk()).isTrue();
    assertThat(live.certificateReady()).isTrue();
    assertThat(live.loadBalancerState()).isEqualTo("active");
    assertThat(live.servicesTotal()).isEqualTo(5);
    assertThat(live.servicesReady()).as(String.join("\n", status.lines())).isEqualTo(5);
    assertThat(live.volumes()).isEqualTo(app.volumeIds());
    assertThat(status.cloud().nodesReady()).isPositive();
    everyServiceHasCloudMetrics(root, env);

    OkHttpClient https = https(app.lbIp(), ca);
    try (Response voted = https.newCall(new Request.Builder().url("https://" + HOST + "/vote/")
        .post(new FormBody.Builder().add("vote", "a").build()).build()).execute()) {
      assertThat(voted.code()).isEqualTo(200);
    }
    awaitScore(https, "a", 1);

    long tAgain0 = System.nanoTime();
    AppPublisher.Outcome again = publishApp(root, env, first.state());
    long tAgain = System.nanoTime();
    assertThat(again.httpsOk()).isTrue();
    assertThat(again.lines()).anyMatch(l -> l.contains("0 built, 0 pushed, 3 unchanged"));
    assertThat(again.state().app().volumeIds()).isEqualTo(app.volumeIds());
    assertThat(again.state().app().lbId()).isEqualTo(app.lbId());
    try (KubernetesClient k = KubeClients.quickClient(Path.of(state.kubeconfig()))) {
      k.pods().inNamespace(AppPublisher.NAMESPACE).withLabel("app", "db").delete(); // and the db pod is replaced
    }
    awaitScore(https, "a", 1);

    Figures figures = releasesAndData(root, env, https, first.state(), tAgain - tAgain0);

    long tDown0 = System.nanoTime();
    PublishResult down = (PublishResult) run(root, env, CommandIds.PUBLISH_TEARDOWN,
        new PublishTeardownArgs(cloud.prism().baseUrl(), null, true));
    long tDown = System.nanoTime();
    System.out.printf("publish figures: provisioning %d ms (%d API calls), app %d ms (%d API calls), redeploy %d ms"
        + " (%d API calls), teardown %d ms (%d API calls)%n", (tInfra - t0) / 1_000_000, provisioned.apiCalls(),
        (tApp - tInfra) / 1_000_000, first.apiCalls(), (tAgain - tAgain0) / 1_000_000, again.apiCalls(),
        (tDown - tDown0) / 1_000_000, down.apiCalls());
    System.out.println("publish figures: " + figures);
    assertThat(down.ok()).as(String.join("\n", down.lines())).isTrue();
    assertThat(cloud.audit().kubernetes().listClusters()).isEmpty();
    assertThat(cloud.audit().registry().list()).isEmpty();
    assertThat(cloud.audit().loadBalancers().list()).extracting(LoadBalancer::id).containsExactly(theirLb);
    assertThat(cloud.audit().volumes().list("fra1")).extracting(Volume::id).containsExactly(theirVolume);
    assertThat(cloud.audit().domains().find(DOMAIN)).isPresent();
    assertThat(cloud.audit().domains().records(DOMAIN, "A", HOST)).isEmpty();
    assertThat(cloud.audit().domains().records(DOMAIN, "A", "www." + DOMAIN)).extracting(r -> r.id()).containsExactly(www);
    assertThat(cloud.prism().violations()).isEmpty();

    String password = cloud.standIn().authRegistry().map(AuthRegistry::password).orElseThrow();
    for (String secret : List.of(TOKEN, password, figures.dbPassword())) {
      assertThat(OfflineVotingApp.filesContaining(secret, root)).as("on disk").isEmpty();
      assertThat(logged).noneMatch(l -> l.contains(secret));
      assertThat(first.lines().toString() + again.lines() + down.lines() + provisioned).doesNotContain(secret);
    }
  }

  @Test
  void aStuckLoadBalancerAndAFailedChallengeAreExplainedAndTeardownAfterTheInterruptedApplyKeepsDataOnlyWhenAsked() throws Exception {
    Path root = OfflineVotingApp.create(shared.resolve("halt"), cloud.podman());
    OfflineVotingApp.copy(PublishStandIn.repo().resolve("voting-app/k8s/digitalocean"),
        root.resolve("voting-app/k8s/digitalocean"));
    Map<String, String> env = cloud.env(root);
    PublishResult provisioned = (PublishResult) run(root, env, CommandIds.PUBLISH_APPLY,
        new PublishArgs("halt", "fra1", "s-2vcpu-4gb", 1, "latest", null, null, cloud.prism().baseUrl(), true, true));
    assertThat(provisioned.ok()).isTrue();
    PublishState state = new PublishStateStore(root.resolve(".hostk8s")).load().orElseThrow();

    cloud.standIn().loadBalancersStuck(true);
    try {
      assertThatThrownBy(() -> publishApp(root, env, state, Duration.ofSeconds(15)))
          .isInstanceOfSatisfying(io.hostk8s.dev.error.HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(io.hostk8s.dev.error.ErrorCode.CLOUD_LOAD_BALANCER);
            assertThat(e.getMessage()).contains("halt-lb").contains("new");
          });
    } finally {
      cloud.standIn().loadBalancersStuck(false);
    }
    try (KubernetesClient k = KubeClients.quickClient(Path.of(state.kubeconfig()))) {
      k.configMaps().inNamespace("cert-manager").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
          .withNewMetadata().withName("sandbox-acme-faults").withNamespace("cert-manager").endMetadata()
          .addToData("http01-self-check-fails", "*").build()).serverSideApply();
    }
    PublishState afterLb = new PublishStateStore(root.resolve(".hostk8s")).load().orElseThrow();
    assertThat(afterLb.app().images()).as("the images step is recorded before the stop").hasSize(3);
    // 30 s: the rollout includes the cluster's first image pulls (the stand-in reads the 120 MB base layer once)
    assertThatThrownBy(() -> publishApp(root, env, afterLb, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(io.hostk8s.dev.error.HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(io.hostk8s.dev.error.ErrorCode.CLOUD_TLS_FAILED);
          assertThat(e.getMessage()).contains("HTTP-01 self check failed");
        });

    List<String> volumes = new PublishStateStore(root.resolve(".hostk8s")).load().orElseThrow().app().volumeIds();
    assertThat(volumes).as("the app was deployed before the certificate failed").hasSize(1);
    PublishResult kept = (PublishResult) run(root, env, CommandIds.PUBLISH_TEARDOWN,
        new PublishTeardownArgs(cloud.prism().baseUrl(), true, true));
    assertThat(kept.ok()).as(String.join("\n", kept.lines())).isTrue();
    assertThat(cloud.audit().volumes().list("fra1")).extracting(Volume::id).as("--keep-data").containsAll(volumes);
    assertThat(kept.lines()).anyMatch(l -> l.startsWith("kept volume"));
    PublishResult down = (PublishResult) run(root, env, CommandIds.PUBLISH_TEARDOWN,
        new PublishTeardownArgs(cloud.prism().baseUrl(), null, true));
    assertThat(down.ok()).as(String.join("\n", down.lines())).isTrue();
    assertThat(cloud.audit().volumes().list("fra1")).extracting(Volume::id).as("then without --keep-data").doesNotContainAnyElementsOf(volumes);
    PublishState last = afterLb;
    assertThat(cloud.audit().kubernetes().listClusters()).extracting(c -> c.id()).doesNotContain(last.clusterId());
    assertThat(cloud.audit().loadBalancers().list()).extracting(LoadBalancer::name).doesNotContain("halt-lb");
  }

  /** Redeploy, rollback, history and data (issue 21), on the published app of the first test. */
  record Figures(long pushMs, long pullMs, long changedRedeployMs, long unchangedRedeployMs, long rollbackMs,
      String dbPassword) {
    @Override
    public String toString() {
      return "data push " + pushMs + " ms, data pull " + pullMs + " ms, redeploy of one changed image " + changedRedeployMs
          + " ms (unchanged " + unchangedRedeployMs + " ms), rollback " + rollbackMs + " ms";
    }
  }

  private static Figures releasesAndData(Path root, Map<String, String> env, OkHttpClient https, PublishState state,
      long unchangedNanos) throws Exception {
    ReleaseStore releases = new ReleaseStore(new PublishStateStore(root.resolve(".hostk8s")));
    Release one = releases.load().releases().get(0);
    assertThat(releases.load().releases()).as("the unchanged redeploy recorded nothing").hasSize(1);
    assertThat(one.changed()).containsExactly("result", "vote", "worker");
    assertThat(one.images()).isEqualTo(state.app().images());
    String dbPassword;
    try (KubernetesClient k = KubeClients.quickClient(Path.of(state.kubeconfig()))) {
      io.fabric8.kubernetes.api.model.Secret db = k.secrets().inNamespace(AppPublisher.NAMESPACE).withName("db-credentials").get();
      dbPassword = db.getData() != null && db.getData().get("POSTGRES_PASSWORD") != null
          ? new String(java.util.Base64.getDecoder().decode(db.getData().get("POSTGRES_PASSWORD")), java.nio.charset.StandardCharsets.UTF_8)
          : db.getStringData().get("POSTGRES_PASSWORD"); // the stand-in keeps stringData as written
    }
    assertThat(dbPassword).isNotBlank();

    // data: votes cast on the local cluster → push → the cloud's result page shows the same tally
    long push;
    long pull;
    try (LocalVotingApp local = LocalVotingApp.start(PublishStandIn.repo(), shared.resolve("local"))) {
      local.vote("a", "a", "b", "b", "b");
      local.awaitVotes(5);
      Path kube = local.kubeconfig();
      assertThatThrownBy(() -> run(root, env, kube, CommandIds.PUBLISH_DATA_PUSH, new PublishDataArgs(null), Progress.NONE))
          .as("the cloud holds a vote").isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.CLOUD_DATA_TARGET_NOT_EMPTY);
            assertThat(e.getMessage()).contains("votes 1 rows");
          });
      long t0 = System.nanoTime();
      PublishDataResult pushed = (PublishDataResult) run(root, env, kube, CommandIds.PUBLISH_DATA_PUSH,
          new PublishDataArgs(true), Progress.NONE);
      push = (System.nanoTime() - t0) / 1_000_000;
      assertThat(pushed.ok()).isTrue();
      assertThat(pushed.rows()).containsExactly(Map.entry("votes", 5L));
      assertThat(pushed.lines()).anyMatch(l -> l.startsWith("cloud after: votes 5 rows"));
      awaitScore(https, "a", 2);
      awaitScore(https, "b", 3);
      assertThatThrownBy(() -> run(root, env, kube, CommandIds.PUBLISH_DATA_PULL, new PublishDataArgs(null), Progress.NONE))
          .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_DATA_TARGET_NOT_EMPTY));
      long t1 = System.nanoTime();
      PublishDataResult pulled = (PublishDataResult) run(root, env, kube, CommandIds.PUBLISH_DATA_PULL,
          new PublishDataArgs(true), Progress.NONE);
      pull = (System.nanoTime() - t1) / 1_000_000;
      assertThat(pulled.rows()).containsExactly(Map.entry("votes", 5L));
      assertThat(local.awaitVotes(-1)).isEqualTo(5);
    }

    // a code change: exactly one image is built, its rollout keeps the data, and it is release 2. The cloud's pods
    // run the image's files (the stand-in's workspace is the repository, which never has this edit)
    awaitVotePage(https, "Cats vs Dogs!</h1>");
    Path template = root.resolve("voting-app/vote/templates/index.html");
    Files.writeString(template, Files.readString(template).replace("{{ option_b }}!</h1>", "{{ option_b }}! " + EDIT + "</h1>"));
    long t2 = System.nanoTime();
    AppPublisher.Outcome changed = publishApp(root, env, state);
    long redeploy = (System.nanoTime() - t2) / 1_000_000;
    assertThat(changed.lines()).as(String.join("\n", changed.lines())).anyMatch(l -> l.contains("1 built, 1 pushed, 2 unchanged"))
        .anyMatch(l -> l.equals("release 2 recorded (changed: vote)"));
    Release two = releases.load().current().orElseThrow();
    assertThat(two.images().get("vote")).isNotEqualTo(one.images().get("vote"));
    assertThat(two.images().get("result")).isEqualTo(one.images().get("result"));
    assertThat(changed.state().app().volumeIds()).isEqualTo(state.app().volumeIds());
    awaitVotePage(https, "Cats vs Dogs! " + EDIT + "</h1>");
    awaitScore(https, "b", 3);

    // rollback, stopped while it rolls out, then run again: release 1's images, recorded as release 3
    assertThatThrownBy(() -> run(root, env, null, CommandIds.PUBLISH_ROLLBACK, new PublishRollbackArgs(null, true),
        cancelOn("rolling vote"))).isInstanceOfSatisfying(HostK8sException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(releases.load().releases()).as("nothing recorded before it is ready").hasSize(2);
    long t3 = System.nanoTime();
    PublishHistoryResult back = (PublishHistoryResult) run(root, env, null, CommandIds.PUBLISH_ROLLBACK,
        new PublishRollbackArgs(null, true), Progress.NONE);
    long rollback = (System.nanoTime() - t3) / 1_000_000;
    assertThat(back.releases()).last().satisfies(r -> {
      assertThat(r.number()).isEqualTo(3);
      assertThat(r.kind()).isEqualTo("rollback");
      assertThat(r.rolledBack()).isEqualTo(1);
      assertThat(r.images()).isEqualTo(one.images());
      assertThat(r.current()).isTrue();
    });
    assertThat(voteImages(state)).containsOnly(one.images().get("vote"));
    awaitVotePage(https, "Cats vs Dogs!</h1>"); // release 1's page again, though the workspace still has the edit
    awaitScore(https, "b", 3);

    // apply stopped during its rollout, then run again: nothing to build, release 4 is release 2's images
    assertThatThrownBy(() -> publishApp(root, env, state, Duration.ofMinutes(4), cancelOn("rollout: watching")))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    AppPublisher.Outcome resumed = publishApp(root, env, state);
    assertThat(resumed.lines()).anyMatch(l -> l.contains("0 built, 0 pushed, 3 unchanged"));
    PublishHistoryResult history = (PublishHistoryResult) run(root, env, null, CommandIds.PUBLISH_HISTORY,
        new io.hostk8s.dev.protocol.commands.args.NoArgs(), Progress.NONE);
    assertThat(history.releases()).extracting(r -> r.number() + " " + r.kind() + " " + r.changed())
        .containsExactly("1 apply [result, vote, worker]", "2 apply [vote]", "3 rollback [vote]", "4 apply [vote]");
    assertThat(history.releases().get(3).images()).isEqualTo(two.images());
    assertThat(history.lines()).anyMatch(l -> l.startsWith("*   4  apply"));
    assertThat(voteImages(state)).containsOnly(two.images().get("vote"));
    awaitVotePage(https, "Cats vs Dogs! " + EDIT + "</h1>");
    awaitScore(https, "b", 3);
    return new Figures(push, pull, redeploy, unchangedNanos / 1_000_000, rollback, dbPassword);
  }

  /** The images of the cloud vote pods that are not being deleted. */
  private static List<String> voteImages(PublishState state) throws Exception {
    try (KubernetesClient k = KubeClients.quickClient(Path.of(state.kubeconfig()))) {
      return k.pods().inNamespace(AppPublisher.NAMESPACE).withLabel("app", "vote").list().getItems().stream()
          .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
          .map(p -> p.getSpec().getContainers().get(0).getImage()).toList();
    }
  }

  /** A progress whose person presses Cancel as soon as a step starting with {@code prefix} is reported. */
  private static Progress cancelOn(String prefix) {
    java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
    return new Progress() {
      @Override
      public void begin(String title) {}

      @Override
      public void report(String message, Integer percentage) {
        if (message != null && message.startsWith(prefix)) {
          cancelled.set(true);
        }
      }

      @Override
      public void end(String message) {}

      @Override
      public boolean isCancelled() {
        return cancelled.get();
      }
    };
  }

  private static AppPublisher.Outcome publishApp(Path root, Map<String, String> env, PublishState state) throws Exception {
    return publishApp(root, env, state, Duration.ofMinutes(4));
  }

  private static AppPublisher.Outcome publishApp(Path root, Map<String, String> env, PublishState state, Duration waits)
      throws Exception {
    return publishApp(root, env, state, waits, Progress.NONE);
  }

  private static AppPublisher.Outcome publishApp(Path root, Map<String, String> env, PublishState state, Duration waits,
      Progress progress) throws Exception {
    try (LocalEngine engine = Engines.local(root, env, null, "observed", "test")) {
      CloudSession session = CloudSession.open(engine.services(), cloud.prism().baseUrl());
      PublishSettings settings = session.settings(new PublishPlanArgs("app", "fra1", null, null, null, null, null, null));
      return new AppPublisher(engine.services(), session.api(), session.store(), CloudSession.REAL_TIME,
          offlineImages(engine.services().workspace()), waits).publish(state, settings, "x@" + DOMAIN,
          progress);
    }
  }

  /** The product's image step with build options that work offline. */
  private static ImageStep offlineImages(Workspace ws) {
    return (registry, credentials, progress) -> {
      CloudImages.Result r = new CloudImages().publish(ws, registry, credentials,
          BuildOptions.cloud(BuildMode.PROD).withPull(false).withJibBaseImage("scratch"), progress);
      List<String> pushed = new ArrayList<>();
      r.pushed().forEach(s -> pushed.add(r.images().get(s).substring(r.images().get(s).lastIndexOf('/') + 1)));
      return new ImageStep.Images(r.images(), pushed, r.lines());
    };
  }

  private static Object run(Path root, Map<String, String> env, String id, Record args) throws Exception {
    return run(root, env, null, id, args, Progress.NONE);
  }

  /** The command on an engine (with {@code kubeconfig}: pointed at that local cluster); its error unwrapped. */
  private static Object run(Path root, Map<String, String> env, Path kubeconfig, String id, Record args, Progress progress)
      throws Exception {
    try (LocalEngine engine = Engines.local(root, env, kubeconfig, "observed", "test")) {
      return engine.execute(id, CommandArgs.of(args), progress).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** https://HOST through the load balancer's IP, trusting only the test CA. */
  private static OkHttpClient https(String ip, Path ca) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    return new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), trust)
        .dns(name -> HOST.equals(name) ? List.of(InetAddress.getByName(ip)) : okhttp3.Dns.SYSTEM.lookup(name))
        .readTimeout(Duration.ofSeconds(20)).build();
  }

  /**
   * Every service of the published app has CPU and memory in {@code status} on the cloud target (the stand-in's
   * metrics API over the real processes), each pod measured.
   */
  private static void everyServiceHasCloudMetrics(Path root, Map<String, String> env) throws Exception {
    StatusSnapshot onCloud;
    try (LocalEngine engine = Engines.local(root, env, null, Target.parse("cloud"), "observed", "test",
        DebugAdapterHost.NONE)) {
      onCloud = (StatusSnapshot) engine.execute(CommandIds.STATUS, CommandArgs.of(new NoArgs()), Progress.NONE).get();
    }
    assertThat(onCloud.services()).extracting(ServiceStatus::name)
        .containsExactlyInAnyOrder("vote", "result", "worker", "redis", "db");
    for (ServiceStatus svc : onCloud.services()) {
      assertThat(svc.metrics()).as(svc.name() + " in " + onCloud.services()).isNotNull();
      assertThat(svc.metrics().pods()).as(svc.name()).isEqualTo(svc.total()).isPositive();
      assertThat(svc.metrics().memoryBytes()).as(svc.name() + "'s resident memory").isGreaterThan(1L << 20);
    }
  }

  /** The published vote page (through Traefik and the load balancer) until it shows {@code text}, or fails. */
  private static void awaitVotePage(OkHttpClient https, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try (Response r = https.newCall(new Request.Builder().url("https://" + HOST + "/vote/").build()).execute()) {
        last = r.code() + " " + r.body().string();
        if (r.code() == 200 && last.contains(text)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("/vote/ never showed '" + text + "'; last answer: " + last);
  }

  private static void awaitScore(OkHttpClient https, String option, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try (Response r = https.newCall(new Request.Builder().url("https://" + HOST + "/result/api/scores").build()).execute()) {
        last = r.code() + " " + r.body().string();
        if (r.code() == 200) {
          JsonNode scores = new ObjectMapper().readTree(last.substring(4));
          if (scores.toString().contains("\"" + option + "\":" + count)) {
            return;
          }
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("no " + option + "=" + count + " at /result/api/scores; last answer: " + last);
  }
}
