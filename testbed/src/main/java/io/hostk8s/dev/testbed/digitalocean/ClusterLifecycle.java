package io.hostk8s.dev.testbed.digitalocean;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import io.hostk8s.dev.testbed.digitalocean.ccm.CloudControllerSwitches;
import io.hostk8s.dev.testbed.digitalocean.csi.VolumeDirs;
import io.hostk8s.dev.testbed.image.RegistryAccess;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import io.hostk8s.dev.testbed.recipes.Recipes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The asynchronous side of clusters: {@code provisioning → running} after the configured delay (then a real
 * {@link Sandbox} is the cluster), node provisioning, {@code deleting → gone} (the sandbox closed), and the
 * registry integration's in-cluster secrets.
 */
final class ClusterLifecycle implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterLifecycle.class.getName());

  private static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public",
      "kube-node-lease");

  private final Account account;
  private final DigitalOceanStandInOptions options;
  private final RegistrySecrets secrets;
  private final Optional<AuthRegistry> registry;
  private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
  private final Map<String, DoksControllers> controllers = new ConcurrentHashMap<>();
  private final CloudControllerSwitches switches;
  private final VolumeDirs volumeDirs;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "digitalocean-standin-lifecycle");
    t.setDaemon(true);
    return t;
  });

  ClusterLifecycle(Account account, DigitalOceanStandInOptions options, RegistrySecrets secrets,
      Optional<AuthRegistry> registry) {
    this.account = account;
    this.options = options;
    this.secrets = secrets;
    this.registry = registry;
    this.switches = new CloudControllerSwitches(options.loadBalancersStuck());
    this.volumeDirs = new VolumeDirs(options.stateDir());
  }

  CloudControllerSwitches switches() {
    return switches;
  }

  VolumeDirs volumeDirs() {
    return volumeDirs;
  }

  private long delayMs() {
    return Math.round(options.provisionSeconds() * 1000);
  }

  /** A new cluster: after the delay its sandbox starts and it (and its nodes) become running. */
  void provision(String clusterId) {
    scheduler.schedule(() -> start(clusterId), delayMs(), TimeUnit.MILLISECONDS);
  }

  /** New nodes in a pool: running after the delay. */
  void nodesAdded(String clusterId) {
    scheduler.schedule(() -> account.locked(() -> {
      Cluster c = account.clusters.get(clusterId);
      if (c != null && "running".equals(c.state)) {
        c.pools.forEach(p -> p.nodes.stream().filter(n -> "provisioning".equals(n.state))
            .forEach(n -> n.setState("running")));
      }
    }), delayMs(), TimeUnit.MILLISECONDS);
  }

  /** Marks the cluster deleting; after the delay its sandbox is closed and it is gone with {@code alsoRemove}. */
  void destroy(String clusterId, Runnable alsoRemove) {
    account.locked(() -> account.cluster(clusterId).setState("deleting", "Cluster is being deleted"));
    scheduler.schedule(() -> {
      Optional.ofNullable(controllers.remove(clusterId)).ifPresent(DoksControllers::close);
      Optional.ofNullable(sandboxes.remove(clusterId)).ifPresent(Sandbox::close);
      account.locked(() -> {
        account.clusters.remove(clusterId);
        alsoRemove.run();
      });
    }, delayMs(), TimeUnit.MILLISECONDS);
  }

  /** Brings the running cluster's registry secrets in line with its integrated registries. */
  void syncRegistrySecrets(String clusterId) {
    Sandbox sandbox = sandboxes.get(clusterId);
    if (sandbox == null) {
      return;
    }
    List<String> registries = account.locked(() -> {
      Cluster c = account.clusters.get(clusterId);
      return c == null ? List.<String>of() : new ArrayList<>(c.registries);
    });
    try {
      secrets.sync(sandbox.client(), registries);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot sync the registry secrets of cluster " + clusterId, e);
    }
  }

  private void start(String clusterId) {
    Path dir = options.stateDir().resolve("clusters").resolve(clusterId);
    Sandbox sandbox;
    try {
      SandboxOptions sandboxOptions = new SandboxOptions(options.workspace(), dir, 0, Recipes.defaults());
      sandbox = Sandbox.start(registry.map(r -> sandboxOptions.withImagePulls(pullAccess(clusterId, r)))
          .orElse(sandboxOptions));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cluster " + clusterId + " could not start its sandbox", e);
      account.locked(() -> Optional.ofNullable(account.clusters.get(clusterId))
          .ifPresent(c -> c.setState("error", "the control plane failed to start: " + e.getMessage())));
      return;
    }
    sandboxes.put(clusterId, sandbox);
    createSystemNamespaces(sandbox);
    try {
      controllers.put(clusterId, new DoksControllers(account, clusterId, sandbox, switches, volumeDirs));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cluster " + clusterId + ": the CCM/CSI stand-ins did not start", e);
    }
    syncRegistrySecrets(clusterId);
    boolean keep = account.locked(() -> {
      Cluster c = account.clusters.get(clusterId);
      if (c == null || !"provisioning".equals(c.state)) {
        return false;
      }
      c.endpoint = sandbox.apiUrl();
      c.pools.forEach(p -> p.nodes.forEach(n -> n.setState("running")));
      c.setState("running", "Cluster is running");
      return true;
    });
    if (!keep && sandboxes.remove(clusterId, sandbox)) {
      Optional.ofNullable(controllers.remove(clusterId)).ifPresent(DoksControllers::close);
      sandbox.close();
    }
  }

  /**
   * The registry integration's effect on image pulls: the nodes pull from the stand-in's real registry with its
   * credentials, for the DOCR registries integrated with this cluster (the first path segment of the repository);
   * an image of another registry is pulled without credentials, so the registry answers 401 as DOCR would.
   */
  private RegistryAccess pullAccess(String clusterId, AuthRegistry r) {
    return new RegistryAccess(Set.of(r.host()), image -> {
      String docr = image.repository().split("/", 2)[0];
      boolean integrated = account.locked(() -> {
        Cluster c = account.clusters.get(clusterId);
        return c != null && c.registries.contains(docr);
      });
      return integrated ? Optional.of(r.userColonPassword()) : Optional.empty();
    }, options.stateDir().resolve("image-cache"));
  }

  /** A fresh DOKS cluster has these namespaces; the sandbox starts with none. */
  private static void createSystemNamespaces(Sandbox sandbox) {
    for (String ns : SYSTEM_NAMESPACES) {
      sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
          .build()).createOr(op -> op.update());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    controllers.values().forEach(DoksControllers::close);
    controllers.clear();
    sandboxes.values().forEach(Sandbox::close);
    sandboxes.clear();
    volumeDirs.close();
  }
}
