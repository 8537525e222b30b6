package io.hostk8s.dev.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.status.EventBus;
import io.hostk8s.dev.status.StatusStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's shared parts, handed to every command: workspace, status, events, process runner, one Kubernetes
 * client for the current kubeconfig (opened through a {@link KubeSource}), and per-engine features (sync sessions, port-forwards, debug adapter…) that
 * live as long as the engine and are closed with it.
 */
public final class EngineServices implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EngineServices.class.getName());
  private final Workspace workspace;
  private final StatusStore status;
  private final EventBus events = new EventBus();
  private final ProcessRunner processes;
  private final Map<Class<?>, AutoCloseable> features = new LinkedHashMap<>();
  private final KubeSource kubeSource;
  private KubernetesClient kube;
  private Path kubeFor;
  private String kubeStamp;
  private boolean closed;

  public EngineServices(Workspace workspace, EngineInfo info, ProcessRunner processes) {
    this(workspace, info, processes, KubeSource.direct());
  }

  public EngineServices(Workspace workspace, EngineInfo info, ProcessRunner processes, KubeSource kubeSource) {
    this.workspace = workspace;
    this.processes = processes;
    this.kubeSource = kubeSource;
    this.status = new StatusStore(new StatusSnapshot(Version.get(), info,
        ClusterStatus.unknown(workspace.config().config().cluster().name(), String.valueOf(workspace.kubeconfig())),
        workspace.config().config().services().keySet().stream()
            .map(n -> new ServiceStatus(n, 0, 0, List.of(), "not checked yet", SyncStatus.OFF)).toList(),
        List.of(), List.of(), null, 0));
  }

  public Workspace workspace() {
    return workspace;
  }

  public StatusStore status() {
    return status;
  }

  public EventBus events() {
    return events;
  }

  public ProcessRunner processes() {
    return processes;
  }

  /**
   * The engine's long-lived Kubernetes client for the current kubeconfig (rebuilt when the engine is pointed at
   * another cluster, or when the kubeconfig file was rewritten: a sandbox started again writes its new API port to
   * the same path). Callers must not close it. Fails with KUBECONFIG_MISSING and the fix when there is none.
   */
  public synchronized KubernetesClient kube() {
    Path current = workspace.kubeconfig();
    if (!Files.isRegularFile(current)) {
      throw kubeSource.missing(workspace);
    }
    String stamp = stamp(current);
    if (kube == null || !Objects.equals(current, kubeFor) || !Objects.equals(stamp, kubeStamp)) {
      KubernetesClient fresh = kubeSource.open(current);
      if (kube != null) {
        kube.close();
      }
      kube = fresh;
      kubeFor = current;
      kubeStamp = stamp;
    }
    return kube;
  }

  /** The kubeconfig file's modification time and size, so a rewritten file gets a new client. */
  private static String stamp(Path kubeconfig) {
    try {
      return Files.getLastModifiedTime(kubeconfig).toMillis() + "/" + Files.size(kubeconfig);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The engine's single instance of a feature, created by {@code factory} on first use and closed (in reverse
   * creation order) when the engine closes.
   */
  public <T extends AutoCloseable> T feature(Class<T> type, Function<EngineServices, T> factory) {
    synchronized (features) {
      if (closed) {
        throw new IllegalStateException("engine closed");
      }
      AutoCloseable existing = features.get(type);
      if (existing == null) {
        existing = factory.apply(this);
        features.put(type, existing);
      }
      return type.cast(existing);
    }
  }

  /** The feature of {@code type} if it was created, else null (never creates one). */
  public <T extends AutoCloseable> T featureIfPresent(Class<T> type) {
    synchronized (features) {
      return type.cast(features.get(type));
    }
  }

  /** Closes every feature (newest first), then the Kubernetes client. */
  @Override
  public void close() {
    List<AutoCloseable> toClose;
    synchronized (features) {
      closed = true;
      toClose = new ArrayList<>(features.values());
      features.clear();
    }
    Collections.reverse(toClose);
    for (AutoCloseable f : toClose) {
      try {
        f.close();
      } catch (Exception | Error e) {
        LOG.log(Level.WARNING, "closing " + f.getClass().getSimpleName() + " failed", e);
      }
    }
    synchronized (this) {
      if (kube != null) {
        kube.close();
        kube = null;
      }
    }
  }
}
