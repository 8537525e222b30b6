package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancer;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.cloud.publish.PublishSettings;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.PublishedApp;
import io.hostk8s.dev.cloud.publish.debug.CloudDebug;
import io.hostk8s.dev.cloud.publish.release.ReleaseRecorder;
import io.hostk8s.dev.cloud.publish.release.ReleaseStore;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.deploy.DeployTarget;
import io.hostk8s.dev.progress.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code publish apply}, the app part, on the cluster the provisioning part made: images → platform (Traefik,
 * cert-manager, issuer) → load balancer → DNS → the app (the same deploy code as the local loop, onto a remote
 * target: voting-app/k8s/digitalocean with its placeholders) → Postgres' volume recorded → certificate → HTTPS
 * check. The state is saved after each step; every step converges when run again.
 */
public final class AppPublisher {
  public static final String NAMESPACE = PublishedApp.NAMESPACE;
  public static final String MANIFESTS = "voting-app/k8s/digitalocean";
  public static final String TLS_SECRET = "sample-app-tls";
  private final EngineServices engine;
  private final DigitalOcean api;
  private final PublishStateStore store;
  private final Sleeper sleeper;
  private final ImageStep images;
  private final Nameservers nameservers;
  private final Duration waits;

  public AppPublisher(EngineServices engine, DigitalOcean api, PublishStateStore store, Sleeper sleeper, ImageStep images,
      Duration waits) {
    this(engine, api, store, sleeper, images, Nameservers.dns(), waits);
  }

  AppPublisher(EngineServices engine, DigitalOcean api, PublishStateStore store, Sleeper sleeper, ImageStep images,
      Nameservers nameservers, Duration waits) {
    this.engine = engine;
    this.api = api;
    this.store = store;
    this.sleeper = sleeper;
    this.images = images;
    this.nameservers = nameservers;
    this.waits = waits;
  }

  /** What the app part did, the state after it, the app's URL and whether HTTPS answered. */
  public record Outcome(PublishState state, List<String> lines, List<String> warnings, String url, boolean httpsOk,
      int apiCalls) {}

  public Outcome publish(PublishState state, PublishSettings s, String accountEmail, Progress progress)
      throws InterruptedException {
    List<String> lines = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    AppState app = state.appOrEmpty();
    int callsBefore = api.api().calls();

    progress.report("images: building and pushing to " + state.registryName(), 72);
    String credentials = api.registry().dockerCredentials(state.registryName(), true, 3600);
    String registryHost = RegistryHost.of(credentials);
    ImageStep.Images built = images.publish(state.registryName(), credentials, progress);
    List<String> pushed = new ArrayList<>(app.pushedTags());
    built.pushed().stream().filter(t -> !pushed.contains(t)).forEach(pushed::add);
    state = store.save(state.withApp(app = app.withImages(built.refs(), state.registryCreated() ? List.of() : pushed)));
    lines.addAll(built.lines());

    Path kubeconfig = Path.of(state.kubeconfig());
    try (KubernetesClient client = KubeClients.client(KubeClients.config(kubeconfig, 10_000, 60_000))) {
      progress.report("platform: Traefik and cert-manager", 76);
      String email = s.acmeEmail() != null ? s.acmeEmail() : accountEmail;
      lines.addAll(new PlatformInstaller(engine.workspace().root(), sleeper)
          .install(client, state.clusterName() + "-lb", email, s.acmeStaging(), progress));

      progress.report("load balancer", 80);
      LoadBalancer lb = new LoadBalancerWaiter(api.loadBalancers(), sleeper, waits).await(client,
          state.clusterName() + "-lb", progress);
      state = store.save(state.withApp(app = app.withLoadBalancer(lb.id(), lb.name(), lb.ip())));
      lines.add("load balancer " + lb.name() + " active at " + lb.ip());

      progress.report("DNS", 83);
      DnsPublisher.Result dns = new DnsPublisher(api.domains(), nameservers).publish(s.domain(), s.host(), lb.ip(), app);
      state = store.save(state.withApp(app = dns.app()));
      lines.addAll(dns.lines());
      warnings.addAll(dns.warnings());

      progress.report("app: deploying to " + state.clusterName(), 86);
      List<String> debugEnded = CloudDebug.endBeforeApply(client, progress);
      if (!debugEnded.isEmpty() || !app.debug().isEmpty()) {
        lines.addAll(debugEnded);
        state = store.save(state.withApp(app = app.withDebug(Map.of())));
      }
      DeployResult deployed = DeployService.deploy(engine, DeployTarget.remote("DigitalOcean " + state.clusterName(),
          kubeconfig, NAMESPACE, MANIFESTS, placeholders(client, registryHost, state.registryName(), app)),
          Map.of(), new DeployOptions(false, true, waits, false), progress);
      lines.add("app deployed: " + deployed.applied().size() + " objects, " + (deployed.ready() ? "every service ready"
          : "not every service ready"));
      state = store.save(state.withApp(app = app.withVolumes(volumes(client))));
      if (deployed.ready()) {
        lines.add(new ReleaseRecorder(new ReleaseStore(store), engine.processes(), engine.workspace().root())
            .applied(app.images()).map(r -> "release " + r.number() + " recorded (changed: "
                + (r.changed().isEmpty() ? "nothing" : String.join(", ", r.changed())) + ")")
            .orElse("release unchanged (the images are the current release's)"));
      }

      progress.report("certificate for " + app.host(), 92);
      new CertificateWaiter(sleeper, waits).await(client, NAMESPACE, TLS_SECRET, progress);
      lines.add("certificate " + TLS_SECRET + " issued for " + app.host());
    }
    progress.report("HTTPS check", 96);
    HttpsCheck.Outcome https = new HttpsCheck().await(app.host(), app.lbIp(), s.acmeStaging(), engine.workspace().env(),
        Duration.ofSeconds(60), sleeper);
    lines.addAll(https.lines());
    state = store.save(state.withApp(app.withChecks(true, https.ok())));
    return new Outcome(state, lines, warnings, "https://" + app.host() + "/vote/", https.ok(),
        api.api().calls() - callsBefore);
  }

  /** REGISTRY/TAG per image, the host, and Postgres' password: the cluster's own if it has one (kept across redeploys). */
  private static java.util.function.UnaryOperator<String> placeholders(KubernetesClient client, String registryHost,
      String registry, AppState app) {
    Map<String, String> values = new LinkedHashMap<>();
    app.images().forEach((service, ref) -> values.put("REGISTRY_PLACEHOLDER/hostk8s-" + service + ":TAG_PLACEHOLDER", ref));
    values.put("REGISTRY_PLACEHOLDER", registryHost + "/" + registry);
    values.put("HOST_PLACEHOLDER", app.host());
    values.put("DB_PASSWORD_PLACEHOLDER", dbPassword(client));
    return Placeholders.of(values);
  }

  private static String dbPassword(KubernetesClient client) {
    Secret existing = client.secrets().inNamespace(NAMESPACE).withName("db-credentials").get();
    if (existing != null && existing.getData() != null && existing.getData().get("POSTGRES_PASSWORD") != null) {
      return new String(Base64.getDecoder().decode(existing.getData().get("POSTGRES_PASSWORD")), StandardCharsets.UTF_8);
    }
    if (existing != null && existing.getStringData() != null && existing.getStringData().get("POSTGRES_PASSWORD") != null) {
      return existing.getStringData().get("POSTGRES_PASSWORD"); // an API server that keeps stringData as written
    }
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The DigitalOcean volumes behind the namespace's PVCs (the CSI driver's volume handle). */
  private static List<String> volumes(KubernetesClient client) {
    List<String> ids = new ArrayList<>();
    for (PersistentVolumeClaim pvc : client.persistentVolumeClaims().inNamespace(NAMESPACE).list().getItems()) {
      String pvName = pvc.getSpec() == null ? null : pvc.getSpec().getVolumeName();
      PersistentVolume pv = pvName == null ? null : client.persistentVolumes().withName(pvName).get();
      if (pv != null && pv.getSpec() != null && pv.getSpec().getCsi() != null && pv.getSpec().getCsi().getVolumeHandle() != null) {
        ids.add(pv.getSpec().getCsi().getVolumeHandle());
      }
    }
    return ids;
  }
}
