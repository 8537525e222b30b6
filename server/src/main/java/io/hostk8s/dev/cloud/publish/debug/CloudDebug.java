package io.hostk8s.dev.cloud.publish.debug;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildResult;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cloud.images.CloudImages;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.DebugMode;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.PublishedApp;
import io.hostk8s.dev.cloud.publish.release.ReleaseRollout;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.deploy.Workloads;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A debug session on the published app, on explicit request: {@link #plan} says what it changes and costs,
 * {@link #start} (only with consent) builds and pushes the dev image when the runtime needs one, puts the Deployment
 * into debug mode ({@link CloudDebugPatch}) and waits until its one pod with the debugger is ready; {@link #stop} puts
 * the recorded production template back and waits likewise. Debug mode is recorded on the Deployment and in the
 * publish state (the status shows it). Attaching is then the ordinary {@code hostk8s} attach on the cloud target.
 */
public final class CloudDebug {
  private final EngineServices engine;
  private final PublishStateStore store;
  private final ReleaseRollout rollout;

  public CloudDebug(EngineServices engine, PublishStateStore store, Sleeper sleeper, Duration timeout) {
    this.engine = engine;
    this.store = store;
    this.rollout = new ReleaseRollout(sleeper, timeout);
  }

  /** What a command shows: a summary and one line per change. */
  public record Outcome(String summary, List<String> lines) {}

  /** Read-only: what {@link #start} would change and cost for {@code service} (default vote). */
  public Outcome plan(String service) {
    PublishState state = published();
    String name = serviceOrDefault(service);
    ServiceConfig config = debuggable(name);
    try (KubernetesClient client = client(state)) {
      Deployment live = deployment(client, name, config);
      return new Outcome(CloudDebugPlan.summary(name, live, config),
          CloudDebugPlan.lines(name, live, config, state.registryName()));
    }
  }

  /** Debug mode for {@code service}; without {@code consent} refused with 7014 and the whole plan. */
  public Outcome start(String service, boolean consent, Progress progress) throws InterruptedException {
    PublishState state = published();
    String name = serviceOrDefault(service);
    ServiceConfig config = debuggable(name);
    try (KubernetesClient client = client(state)) {
      Deployment live = deployment(client, name, config);
      if (!consent) {
        List<String> why = new ArrayList<>(CloudDebugPlan.lines(name, live, config, state.registryName()));
        why.add("If that is what you want: `hostk8s-dev publish debug start --service " + name + " --yes` (the IDE asks"
            + " in a dialog showing this).");
        throw new HostK8sException(ErrorCode.CLOUD_CONSENT_NEEDED, CloudDebugPlan.summary(name, live, config)
            + ". It changes what real visitors are served, and needs your consent.", why, true, null);
      }
      List<String> lines = new ArrayList<>();
      String devImage = null;
      if (CloudDebugPlan.needsDevImage(config)) {
        progress.report("dev image of " + name + " for " + state.registryName(), 20);
        BuildResult built = devImage(state, name, progress);
        devImage = built.image().push();
        lines.add(name + " dev image " + devImage + " — " + (built.pushed() ? "built and pushed" : "already in the registry"));
        if (!state.registryCreated() && built.pushed()) {
          state = rememberPushed(state, devImage);
        }
      }
      String since = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      String image = devImage;
      progress.report("debug mode for Deployment " + live.getMetadata().getName(), 60);
      Deployment after = deployments(client).withName(live.getMetadata().getName())
          .edit(d -> CloudDebugPatch.start(d, name, config, image, since));
      DebugMode mode = CloudDebugPatch.mode(after).orElseThrow();
      rollout.await(client, PublishedApp.NAMESPACE, List.of(mode.deployment()), p -> hasPort(p, mode.port()), progress);
      record(state, name, mode);
      lines.add(mode.line());
      lines.add("attach: target DigitalOcean (`hostk8s-dev target cloud`), then the hostk8s attach for " + name
          + " (VS Code: Run and Debug → HostK8s: attach to " + name + "; any DAP client: `hostk8s-dev debug endpoint`)");
      return new Outcome(name + " of the published app is in debug mode (" + mode.runtime() + " on port " + mode.port()
          + ", 1 replica) — remember `hostk8s-dev publish debug stop`", lines);
    }
  }

  /** Production back for {@code service}, or for every service in debug mode when null; nothing to do is not an error. */
  public Outcome stop(String service, Progress progress) throws InterruptedException {
    PublishState state = published();
    try (KubernetesClient client = client(state)) {
      List<String> lines = new ArrayList<>();
      Map<String, DebugMode> ended = end(client, service, lines, progress);
      for (DebugMode mode : ended.values()) {
        rollout.await(client, PublishedApp.NAMESPACE, List.of(mode.deployment()), p -> !hasPort(p, mode.port()), progress);
      }
      AppState app = state.appOrEmpty();
      Map<String, DebugMode> left = new LinkedHashMap<>(app.debug());
      left.keySet().removeIf(s -> service == null || s.equals(service) || ended.containsKey(s));
      publishStatus(store.save(state.withApp(app.withDebug(left))));
      String summary = ended.isEmpty() ? (service == null ? "nothing" : service) + " was not in debug mode on the published app"
          : String.join(", ", ended.keySet()) + " back to production, ready";
      return new Outcome(summary, lines);
    }
  }

  /**
   * For {@code publish apply}: every Deployment in debug mode gets its production template back, not waited for —
   * apply's rollout waits (the caller clears the state's record). One line per service restored.
   */
  public static List<String> endBeforeApply(KubernetesClient client, Progress progress) {
    List<String> lines = new ArrayList<>();
    end(client, null, lines, progress);
    return lines;
  }

  private static Map<String, DebugMode> end(KubernetesClient client, String service, List<String> lines, Progress progress) {
    Map<String, DebugMode> ended = new LinkedHashMap<>();
    for (Deployment d : deployments(client).list().getItems()) {
      Optional<DebugMode> mode = CloudDebugPatch.mode(d);
      String name = mode.map(DebugMode::service).orElse(null);
      if (mode.isEmpty() || service != null && !service.equals(name) && !service.equals(d.getMetadata().getName())) {
        continue;
      }
      progress.report("debug mode off: Deployment " + d.getMetadata().getName());
      deployments(client).withName(d.getMetadata().getName()).edit(CloudDebugPatch::stop);
      ended.put(name, mode.get());
      lines.add(name + ": debug mode ended — Deployment " + d.getMetadata().getName()
          + " back to its production template and replicas");
    }
    return ended;
  }

  private BuildResult devImage(PublishState state, String service, Progress progress) {
    try (DigitalOcean api = CloudSession.open(engine, state.apiUrl()).api()) {
      String credentials = api.registry().dockerCredentials(state.registryName(), true, 3600);
      return new CloudImages().one(engine, service, BuildMode.DEV, state.registryName(), credentials, progress);
    }
  }

  private PublishState rememberPushed(PublishState state, String ref) {
    AppState app = state.appOrEmpty();
    List<String> pushed = new ArrayList<>(app.pushedTags());
    String tag = ref.substring(ref.lastIndexOf('/') + 1);
    if (!pushed.contains(tag)) {
      pushed.add(tag);
    }
    return store.save(state.withApp(app.withImages(app.images(), pushed)));
  }

  private void record(PublishState state, String service, DebugMode mode) {
    AppState app = state.appOrEmpty();
    Map<String, DebugMode> debug = new LinkedHashMap<>(app.debug());
    debug.put(service, mode);
    publishStatus(store.save(state.withApp(app.withDebug(debug))));
  }

  private void publishStatus(PublishState state) {
    engine.status().update(s -> s.withCloud(CloudStatusReader.offline(Optional.of(state))));
  }

  private PublishState published() {
    return store.load().filter(s -> s.kubeconfig() != null).orElseThrow(() -> HostK8sException.user(
        ErrorCode.CLOUD_NOT_CONFIGURED, "Nothing is published from this workspace.", "Run `hostk8s-dev publish apply` first."));
  }

  private static String serviceOrDefault(String service) {
    return service == null || service.isBlank() ? "vote" : service;
  }

  private ServiceConfig debuggable(String service) {
    Map<String, ServiceConfig> services = engine.workspace().config().config().services();
    ServiceConfig config = services.get(service);
    if (config == null || config.debug() == null) {
      throw HostK8sException.user(ErrorCode.CLOUD_DEBUG_UNSUPPORTED, config == null ? "Unknown service '" + service + "'."
          : "Service '" + service + "' has no debugger configured.", "Services with a debugger: " + services.entrySet()
          .stream().filter(e -> e.getValue().debug() != null).map(Map.Entry::getKey).toList() + " (services.NAME.debug in hostk8s.dev.yaml).");
    }
    return config;
  }

  private static Deployment deployment(KubernetesClient client, String service, ServiceConfig config) {
    return deployments(client).list().getItems().stream()
        .filter(d -> Workloads.selects(config.selector(), Workloads.podLabels(d))).findFirst()
        .orElseThrow(() -> HostK8sException.user(ErrorCode.CLOUD_DEBUG_UNSUPPORTED, "The published app has no Deployment"
            + " running " + service + " (pods labelled " + config.selector() + " in namespace " + PublishedApp.NAMESPACE + ").",
            "Publish the app first: `hostk8s-dev publish apply`."));
  }

  private static NonNamespaceOperation<Deployment, DeploymentList, RollableScalableResource<Deployment>> deployments(KubernetesClient client) {
    return client.apps().deployments().inNamespace(PublishedApp.NAMESPACE);
  }

  private static boolean hasPort(Pod p, int port) {
    return p.getSpec().getContainers().stream().anyMatch(c -> c.getPorts() != null
        && c.getPorts().stream().anyMatch(x -> x.getContainerPort() != null && x.getContainerPort() == port));
  }

  private static KubernetesClient client(PublishState state) {
    return KubeClients.client(KubeClients.config(Path.of(state.kubeconfig()), 10_000, 60_000));
  }
}
