package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deploy flow, callable from {@code hostk8s.deploy} and {@code hostk8s.up}: load → render → transform →
 * (select one service) → (Flux check) → apply → rollout. Progress lines start with the phase name. The rollout watcher stays in the
 * engine's {@link DeploySession} afterwards so status keeps following the pods.
 */
public final class DeployService {
  private DeployService() {}

  /** {@code images}: service name → built image reference (absent: the manifest's image is kept). */
  public static DeployResult deploy(EngineServices engine, Map<String, String> images, DeployOptions options, Progress progress)
      throws InterruptedException {
    return deploy(engine, DeployTarget.local(engine), images, options, progress);
  }

  /**
   * The same flow onto {@code target}: a remote target (a cloud cluster) gets its own client and a rollout wait of
   * its own; the engine's status and deploy session stay about the local cluster.
   */
  public static DeployResult deploy(EngineServices engine, DeployTarget target, Map<String, String> images,
      DeployOptions options, Progress progress) throws InterruptedException {
    DevConfig config = engine.workspace().config().config();
    String namespace = target.namespace();
    progress.report("load: " + target.manifests(), 2);
    List<HasMetadata> loaded = new ManifestLoader(target.text(), target.local()).load(engine.workspace().root(), target.manifests())
        .stream().map(ManifestDocument::object).toList();
    progress.checkCancelled();
    progress.report("render: " + loaded.size() + " objects into namespace " + namespace, 8);
    ManifestRenderer.Rendered rendered = new ManifestRenderer().render(loaded, config.services(), images, namespace);
    EnvironmentOverrides.Result env = EnvironmentOverrides.apply(rendered.objects(),
        config.environments().of(target.local()), config.services(), engine.workspace().env());
    List<HasMetadata> objects = env.objects();
    if (!env.changes().isEmpty()) {
      progress.report("environment " + (target.local() ? "local" : "cloud") + ": " + String.join("; ", env.changes()), 10);
    }
    List<DevTransform.Change> devChanges = List.of();
    if (options.devTransform()) {
      DevTransform.Result t = new DevTransform().apply(objects, config.services());
      objects = t.objects();
      devChanges = t.changes();
      progress.report("transform: " + (devChanges.isEmpty() ? "debug ports already declared" : devChanges.size() + " change(s)"), 12);
    }
    List<RolloutTarget> targets = targets(objects, config.services());
    if (options.service() != null) {
      ServiceSlice slice = ServiceSlice.of(options.service(), objects, targets);
      objects = slice.objects();
      targets = List.of(slice.target());
      progress.report("select: " + options.service() + " (" + objects.size() + " objects)", 14);
    }
    progress.checkCancelled();
    KubernetesClient client = KubeClients.client(KubeClients.config(target.kubeconfig(), 5000, 30000));
    if (!target.local()) {
      return deployRemote(engine, target, client, objects, targets, rendered, devChanges, options, progress);
    }
    boolean handedOver = false;
    try {
      DeploySession session = DeploySession.of(engine);
      List<String> suspended = guardFlux(client, objects, options, session, progress);
      List<String> applied = new Applier(client).apply(objects, progress, 20, 60);
      engine.events().publish(HostK8sEvent.of("deploy.applied", null, applied.size() + " objects applied to " + namespace));
      RolloutWatcher watcher = new RolloutWatcher(client, namespace, targets, engine.status(), engine.events());
      session.watch(client, watcher);
      handedOver = true;
      progress.report("rollout: watching " + namespace, 62);
      watcher.start();
      List<ServiceReadiness> services = options.waitReady() ? watcher.awaitReady(options.timeout(), progress, 64, 94) : watcher.current();
      boolean ready = services.stream().allMatch(ServiceReadiness::ready);
      return new DeployResult(namespace, applied, rendered.imageChanges(), devChanges, suspended, services, ready, null);
    } finally {
      if (!handedOver) {
        client.close();
      }
    }
  }

  private static DeployResult deployRemote(EngineServices engine, DeployTarget target, KubernetesClient client,
      List<HasMetadata> objects, List<RolloutTarget> targets, ManifestRenderer.Rendered rendered,
      List<DevTransform.Change> devChanges, DeployOptions options, Progress progress) throws InterruptedException {
    String namespace = target.namespace();
    io.hostk8s.dev.status.StatusStore own = new io.hostk8s.dev.status.StatusStore(engine.status().get());
    try (client; RolloutWatcher watcher = new RolloutWatcher(client, namespace, targets, own, new io.hostk8s.dev.status.EventBus())) {
      List<String> applied = new Applier(client).apply(objects, progress, 20, 60);
      engine.events().publish(HostK8sEvent.of("deploy.applied", null, applied.size() + " objects applied to "
          + namespace + " on " + target.name()));
      progress.report("rollout: watching " + namespace + " on " + target.name(), 62);
      watcher.start();
      List<ServiceReadiness> services = options.waitReady() ? watcher.awaitReady(options.timeout(), progress, 64, 94) : watcher.current();
      boolean ready = services.stream().allMatch(ServiceReadiness::ready);
      return new DeployResult(namespace, applied, rendered.imageChanges(), devChanges, List.of(), services, ready, null);
    }
  }

  /** Ends the engine's deploy session (dev session stop): status watch stopped, suspended Flux resumed. */
  public static void endSession(EngineServices engine) {
    DeploySession.end(engine);
  }

  private static List<String> guardFlux(KubernetesClient client, List<HasMetadata> objects, DeployOptions options, DeploySession session,
      Progress progress) {
    progress.report("apply: checking for Flux ownership", 16);
    List<FluxKustomization> owners = new FluxGuard(client).owners(objects);
    if (owners.isEmpty()) {
      return List.of();
    }
    if (!options.suspendFlux()) {
      throw FluxGuard.ownedError(owners);
    }
    FluxGuard guard = new FluxGuard(client);
    List<String> suspended = new ArrayList<>();
    for (FluxKustomization f : owners) {
      progress.report("apply: suspending Flux Kustomization " + f.ref(), 18);
      if (guard.suspend(f.name(), f.namespace())) {
        session.rememberSuspended(f.name(), f.namespace());
        suspended.add(f.ref());
      }
    }
    return suspended;
  }

  /** Configured services that have a workload in the manifests, then the other Deployments. */
  static List<RolloutTarget> targets(List<HasMetadata> objects, Map<String, ServiceConfig> services) {
    List<RolloutTarget> out = new ArrayList<>();
    List<String> claimed = new ArrayList<>();
    for (Map.Entry<String, ServiceConfig> e : services.entrySet()) {
      objects.stream().filter(o -> Workloads.template(o).isPresent() && Workloads.selects(e.getValue().selector(), Workloads.podLabels(o)))
          .findFirst().ifPresent(o -> {
            claimed.add(o.getMetadata().getName());
            out.add(new RolloutTarget(e.getKey(), e.getValue().selector(),
                o instanceof Deployment ? o.getMetadata().getName() : null, true));
          });
    }
    for (HasMetadata o : objects) {
      if (o instanceof Deployment d && !claimed.contains(d.getMetadata().getName())) {
        Map<String, String> selector = d.getSpec().getSelector() != null && d.getSpec().getSelector().getMatchLabels() != null
            ? d.getSpec().getSelector().getMatchLabels() : Workloads.podLabels(d);
        out.add(new RolloutTarget(d.getMetadata().getName(), selector, d.getMetadata().getName(), false));
      }
    }
    return List.copyOf(out);
  }
}
