package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PlanItem;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import io.hostk8s.dev.protocol.commands.args.PublishStatusArgs;
import io.hostk8s.dev.protocol.commands.args.PublishTeardownArgs;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.digitalocean.Fault;
import io.hostk8s.dev.testbed.prism.Prism;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish against the DigitalOcean stand-in (clusters that provision, each a real sandbox acting as DOKS), every
 * request and answer held to DigitalOcean's official spec by Prism's validating proxy.
 */
class PublishStandInTest {
  /** Recognisable, so the grep below cannot miss it. */
  private static final String TOKEN = "dop_v1_RECOGNISABLEtoken7c1300c4deadbeef";
  private static final Map<String, String> ENV = Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN);
  @TempDir
  static Path standInDir;
  private static DigitalOceanStandIn standIn;
  private static Prism prism;
  private static DigitalOcean audit;
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(new SimpleFormatter().format(r));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  @TempDir
  Path workspace;

  @BeforeAll
  static void start() {
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(standInDir, standInDir.resolve("state"))
        .withPageSize(2).withProvisionSeconds(2));
    prism = Prism.proxy(standIn.baseUrl());
    // the auditor reads the fake account the way any DigitalOcean client would: through the API
    audit = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    audit.close();
    prism.close();
    standIn.close();
  }

  @BeforeEach
  void captureLogs() {
    capture.setLevel(java.util.logging.Level.ALL);
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("io.hostk8s").setLevel(java.util.logging.Level.FINE);
  }

  @AfterEach
  void cleanUp() {
    Logger.getLogger("").removeHandler(capture);
    standIn.faults().clear();
    assertThat(prism.violations()).as("every request and answer matched DigitalOcean's spec").isEmpty();
  }

  private Object run(String id, Record args, Progress progress) throws Exception {
    try (LocalEngine engine = Engines.local(workspace, ENV, null, "observed", "test")) {
      return engine.execute(id, CommandArgs.of(args), progress).get();
    }
  }

  private PublishArgs args(String cluster, boolean yes) {
    return new PublishArgs(cluster, "fra1", "s-2vcpu-4gb", 2, "latest", null, null, prism.baseUrl(), true, yes ? true : null);
  }

  @Test
  void planApplyAgainStatusTeardownAndTheTokenIsNowhere() throws Exception {
    long t0 = System.nanoTime();
    PublishPlan plan = (PublishPlan) run(CommandIds.PUBLISH_PLAN, args("flow", false).plan(), Progress.NONE);
    long planMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(plan.items()).extracting(PlanItem::kind).startsWith("cluster", "node-pool", "registry", "registry-integration");
    assertThat(plan.items()).extracting(PlanItem::action).startsWith("create", "create", "create", "create");
    assertThat(plan.items().get(1).monthlyUsd()).isEqualTo(48.0); // 2 × s-2vcpu-4gb at the stand-in's live $24
    assertThat(plan.monthlyUsd()).isEqualTo(48.0 + 5.0 + Prices.LOAD_BALANCER_MONTHLY + Prices.VOLUME_GIB_MONTHLY);

    assertThatThrownBy(() -> run(CommandIds.PUBLISH_APPLY, args("flow", false), Progress.NONE)).cause()
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_CONSENT_NEEDED));
    assertThat(audit.kubernetes().listClusters()).as("no consent, nothing created").isEmpty();

    long t1 = System.nanoTime();
    PublishResult applied = (PublishResult) run(CommandIds.PUBLISH_APPLY, args("flow", true), Progress.NONE);
    long applyMs = (System.nanoTime() - t1) / 1_000_000;
    assertThat(applied.ok()).isTrue();
    assertThat(applied.cloud().state()).isEqualTo("running");
    var clusters = audit.kubernetes().listClusters();
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).tags()).contains(PublishApply.TAG);
    assertThat(clusters.get(0).registryEnabled()).isTrue();
    assertThat(audit.registry().list()).hasSize(1);
    Path kubeconfig = Path.of(applied.cloud().kubeconfig());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
    assertThat(kubeconfig).startsWith(workspace.resolve(".hostk8s"));
    try (KubernetesClient k = KubeClients.quickClient(kubeconfig)) {
      assertThat(k.namespaces().list().getItems()).as("the kubeconfig reaches the new cluster").isNotEmpty();
    }

    PublishResult again = (PublishResult) run(CommandIds.PUBLISH_APPLY, args("flow", true), Progress.NONE);
    assertThat(again.ok()).isTrue();
    assertThat(again.lines()).anyMatch(l -> l.startsWith("resumed cluster flow")).anyMatch(l -> l.startsWith("reusing registry"));
    assertThat(audit.kubernetes().listClusters()).as("apply twice creates nothing new").hasSize(1);
    assertThat(audit.registry().list()).hasSize(1);

    // another name for the published workspace: refused with both names, not answered with the recorded cluster
    assertThatThrownBy(() -> run(CommandIds.PUBLISH_PLAN, args("other-name", false).plan(), Progress.NONE)).cause()
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_OTHER_CLUSTER);
          assertThat(e.getMessage()).contains("'flow' in fra1", "'other-name' in fra1");
          assertThat(e.suggestions()).anyMatch(t -> t.contains("publish teardown --yes"));
        });
    // nothing asked (no flag, no hostk8s.dev.yaml value): the defaults follow the published cluster, no warning
    PublishPlan defaults = (PublishPlan) run(CommandIds.PUBLISH_PLAN,
        new io.hostk8s.dev.protocol.commands.args.PublishPlanArgs(null, null, null, null, null, null, null, prism.baseUrl()), Progress.NONE);
    assertThat(defaults.items().get(0)).satisfies(c -> {
      assertThat(c.name()).isEqualTo("flow");
      assertThat(c.action()).isEqualTo("reuse");
    });
    assertThat(defaults.summary()).startsWith("flow in fra1:");
    assertThat(defaults.warnings()).noneMatch(w -> w.contains("keeps its node pool"));
    // a smaller pool asked of the reused cluster: the plan prices the pool it has (and says it is not resized)
    PublishPlan smaller = (PublishPlan) run(CommandIds.PUBLISH_PLAN,
        new PublishArgs("flow", "fra1", "s-1vcpu-2gb", 1, "latest", null, null, prism.baseUrl(), true, null).plan(), Progress.NONE);
    PlanItem pool = smaller.items().get(1);
    assertThat(pool.action()).isEqualTo("reuse");
    assertThat(pool.detail()).startsWith("2 × s-2vcpu-4gb (existing pool; sizes are not changed)");
    assertThat(pool.monthlyUsd()).isEqualTo(48.0);
    assertThat(smaller.warnings()).anyMatch(w -> w.contains("keeps its node pool (2 × s-2vcpu-4gb)") && w.contains("1 × s-1vcpu-2gb"));
    double nodeHourly = audit.sizes().list().stream().filter(z -> z.slug().equals("s-2vcpu-4gb")).findFirst().orElseThrow().priceHourly();
    assertThat(smaller.hourlyUsd()).as("the hourly figure is that of the pool that is there")
        .isCloseTo(2 * nodeHourly + (smaller.monthlyUsd() - 48.0) / Prices.HOURS_PER_MONTH, org.assertj.core.data.Offset.offset(0.001));

    PublishResult status = (PublishResult) run(CommandIds.PUBLISH_STATUS, new PublishStatusArgs(prism.baseUrl()), Progress.NONE);
    assertThat(status.cloud().state()).isEqualTo("running");
    assertThat(status.cloud().registryIntegrated()).isTrue();

    long t2 = System.nanoTime();
    PublishResult down = (PublishResult) run(CommandIds.PUBLISH_TEARDOWN, new PublishTeardownArgs(prism.baseUrl(), null, true), Progress.NONE);
    long downMs = (System.nanoTime() - t2) / 1_000_000;
    System.out.printf("publish figures (provisioning part, through Prism): plan %d ms, %d API requests; apply %d ms, %d;"
        + " apply again %d; teardown %d ms, %d%n", planMs, plan.apiCalls(), applyMs, applied.apiCalls(), again.apiCalls(),
        downMs, down.apiCalls());
    assertThat(down.ok()).as(String.join("\n", down.lines())).isTrue();
    assertThat(audit.kubernetes().listClusters()).isEmpty();
    assertThat(audit.registry().list()).isEmpty();
    assertThat(workspace.resolve(".hostk8s/publish/digitalocean.json")).doesNotExist();
    assertThat(kubeconfig).doesNotExist();

    assertTokenNowhere(List.of(plan.toString(), applied.toString(), again.toString(), status.toString(), down.toString()));
  }

  @Test
  void anApplyStoppedWhileTheClusterProvisionsIsResumedOnTheSameCluster() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Progress stopWhenCreated = new Progress() {
      @Override public void begin(String title) {}
      @Override public void report(String message, Integer percentage) {
        if (message.startsWith("waiting for cluster")) {
          stop.set(true); // Ctrl-C right after the create
        }
      }
      @Override public void end(String message) {}
      @Override public boolean isCancelled() {
        return stop.get();
      }
    };
    assertThatThrownBy(() -> run(CommandIds.PUBLISH_APPLY, args("resume", true), stopWhenCreated)).isInstanceOf(ExecutionException.class);
    assertThat(audit.kubernetes().listClusters()).hasSize(1);
    String id = audit.kubernetes().listClusters().get(0).id();

    PublishResult resumed = (PublishResult) run(CommandIds.PUBLISH_APPLY, args("resume", true), Progress.NONE);
    assertThat(resumed.cloud().clusterId()).isEqualTo(id);
    assertThat(audit.kubernetes().listClusters()).hasSize(1);
    PublishResult down = (PublishResult) run(CommandIds.PUBLISH_TEARDOWN, new PublishTeardownArgs(prism.baseUrl(), null, true), Progress.NONE);
    assertThat(down.ok()).isTrue();
    assertThat(audit.kubernetes().listClusters()).isEmpty();
  }

  @Test
  void faultsComeBackAsClearErrorsOrAreRidden() throws Exception {
    standIn.faults().add(Fault.rateLimited("GET", "/v2/account", 1, 1));
    PublishPlan plan = (PublishPlan) run(CommandIds.PUBLISH_PLAN, args("faults", false).plan(), Progress.NONE);
    assertThat(plan.apiCalls()).as("the 429 was waited out and retried").isGreaterThan(6);

    standIn.faults().add(Fault.status("GET", "/v2/account", 401, 1));
    assertThatThrownBy(() -> run(CommandIds.PUBLISH_PLAN, args("faults", false).plan(), Progress.NONE)).cause()
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_UNAUTHORIZED));

    standIn.faults().add(Fault.status("POST", "/v2/kubernetes/clusters", 500, 1));
    assertThatThrownBy(() -> run(CommandIds.PUBLISH_APPLY, args("faults", true), Progress.NONE)).cause()
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_SERVER_ERROR));
    assertThat(audit.kubernetes().listClusters()).as("a failed POST is not retried: nothing half-created").isEmpty();

    assertThatThrownBy(() -> run(CommandIds.PUBLISH_PLAN, new io.hostk8s.dev.protocol.commands.args.PublishPlanArgs("faults", "fra1", null, 40, null, null, null,
        prism.baseUrl()), Progress.NONE)).cause().isInstanceOfSatisfying(HostK8sException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_DROPLET_LIMIT));
  }

  @Test
  void aStarterRegistryIsUpgradedOnlyWithConsent() throws Exception {
    String region = audit.registry().options().availableRegions().get(0);
    audit.registry().create("their-starter", "starter", region);
    try {
      io.hostk8s.dev.protocol.commands.args.PublishPlanArgs planArgs = args("starter", false).plan();
      PublishPlan plan = (PublishPlan) run(CommandIds.PUBLISH_PLAN, planArgs, Progress.NONE);
      assertThat(plan.consentNeeded()).isTrue();
      assertThat(plan.items()).anyMatch(i -> "registry".equals(i.kind()) && "upgrade".equals(i.action())
          && "their-starter".equals(i.name()));
      assertThat(plan.warnings()).anyMatch(w -> w.contains("their-starter") && w.contains("--upgrade-registry"));
      assertThatThrownBy(() -> run(CommandIds.PUBLISH_APPLY, args("starter", true), Progress.NONE)).cause()
          .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_CONSENT_NEEDED));
      assertThat(audit.kubernetes().listClusters()).as("refused before anything is created").isEmpty();
      PublishArgs consented = new PublishArgs("starter", "fra1", "s-2vcpu-4gb", 2, "latest", null, true,
          prism.baseUrl(), true, true);
      PublishResult applied = (PublishResult) run(CommandIds.PUBLISH_APPLY, consented, Progress.NONE);
      assertThat(applied.lines()).anyMatch(l -> l.startsWith("upgraded registry their-starter to basic"));
      assertThat(audit.registry().subscription().orElseThrow().tier().slug()).isEqualTo("basic");
      PublishResult down = (PublishResult) run(CommandIds.PUBLISH_TEARDOWN, new PublishTeardownArgs(prism.baseUrl(), null, true),
          Progress.NONE);
      assertThat(down.ok()).isTrue();
      assertThat(audit.registry().list()).as("the person's registry stays").extracting(r -> r.name()).containsExactly("their-starter");
    } finally {
      run(CommandIds.PUBLISH_TEARDOWN, new PublishTeardownArgs(prism.baseUrl(), null, true), Progress.NONE);
      audit.registry().delete("their-starter");
    }
  }

  /** The token in no file of the workspace (state, kubeconfig, logs), no log record and no result. */
  private void assertTokenNowhere(List<String> outputs) throws Exception {
    for (String o : outputs) {
      assertThat(o).doesNotContain(TOKEN);
    }
    assertThat(logged).isNotEmpty().noneMatch(l -> l.contains(TOKEN));
    try (Stream<Path> files = Files.walk(workspace)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
      }
    }
  }
}
