package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.core.EngineServices;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-engine deploy state that outlives one command: the client and rollout watcher of the last deploy (status
 * keeps following the pods) and the Flux Kustomizations we suspended (resumed by {@link #close()}, i.e. when
 * the dev session stops). One per engine ({@link EngineServices#feature}); closed with the engine.
 */
public final class DeploySession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeploySession.class.getName());
  private final List<String[]> suspended = new ArrayList<>();
  private KubernetesClient client;
  private RolloutWatcher watcher;

  /** The session of {@code engine} (created on first use). */
  public static DeploySession of(EngineServices engine) {
    return engine.feature(DeploySession.class, e -> new DeploySession());
  }

  /** Ends the session of {@code engine}, if any: stops the watcher, resumes what we suspended. */
  public static void end(EngineServices engine) {
    DeploySession s = engine.featureIfPresent(DeploySession.class);
    if (s != null) {
      s.close();
    }
  }

  /** Replaces the previous deploy's client and watcher (closing them). */
  synchronized void watch(KubernetesClient newClient, RolloutWatcher newWatcher) {
    closeWatcher();
    this.client = newClient;
    this.watcher = newWatcher;
  }

  public synchronized RolloutWatcher watcher() {
    return watcher;
  }

  synchronized void rememberSuspended(String name, String namespace) {
    suspended.add(new String[] {name, namespace});
  }

  /** "namespace/name" of every Kustomization this session suspended and has not resumed yet. */
  public synchronized List<String> suspendedFlux() {
    return suspended.stream().map(s -> s[1] + "/" + s[0]).toList();
  }

  /** Resumes every Kustomization this session suspended (with the current client). */
  public synchronized List<String> resumeFlux() {
    List<String> resumed = new ArrayList<>();
    if (client == null) {
      return resumed;
    }
    FluxGuard guard = new FluxGuard(client);
    for (String[] s : List.copyOf(suspended)) {
      try {
        guard.resume(s[0], s[1]);
        resumed.add(s[1] + "/" + s[0]);
        suspended.remove(s);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot resume Flux Kustomization " + s[1] + "/" + s[0], e);
      }
    }
    return resumed;
  }

  private void closeWatcher() {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public synchronized void close() {
    resumeFlux();
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
