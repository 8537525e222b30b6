package io.hostk8s.dev.cluster;

import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.status.EventBus;
import io.hostk8s.dev.status.StatusStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the cluster part of the status (and per-service readiness) current with fabric8 informers on nodes and
 * on the pods of the configured namespace. One daemon thread: connect → watch → health check every
 * {@code health}; when the kubeconfig is missing or the API stops answering the cluster becomes {@code stopped}
 * with the reason and the watcher reconnects with exponential back-off ({@code minBackoff}…{@code maxBackoff}).
 * A changed kubeconfig (path or mtime, e.g. after {@code cluster start}) or namespace reconnects at once.
 */
public final class ClusterWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ClusterWatcher.class.getName());
  private final Workspace ws;
  private final StatusStore store;
  private final EventBus events;
  private final Options options;
  private final ScheduledThreadPoolExecutor thread;
  private final AtomicBoolean recomputePending = new AtomicBoolean();
  private volatile boolean closed;
  private WatchSession session;
  private long backoffMs;
  private long lastRegistryCheck;
  private String registryProblem;
  private Map<String, ServiceMetricsReader.PodUse> podMetrics = Map.of();
  private String lastState;

  /** Timings: back-off between reconnects, health-check period, registry probe period. */
  public record Options(Duration minBackoff, Duration maxBackoff, Duration health, Duration registry) {
    public static Options standard() {
      return new Options(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
  }

  public ClusterWatcher(Workspace ws, StatusStore store, EventBus events, Options options) {
    this.ws = ws;
    this.store = store;
    this.events = events;
    this.options = options;
    this.backoffMs = options.minBackoff().toMillis();
    this.thread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "hostk8s-cluster-watch");
      t.setDaemon(true);
      return t;
    });
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** The engine's watcher, started: {@code ClusterWatcher w = ClusterWatcher.start(services); … w.close();}. */
  public static ClusterWatcher start(EngineServices engine) {
    return new ClusterWatcher(engine.workspace(), engine.status(), engine.events(), Options.standard()).start();
  }

  public ClusterWatcher start() {
    thread.execute(this::connect);
    return this;
  }

  private void connect() {
    if (closed) {
      return;
    }
    DevConfig config = ws.config().config();
    Path kc = ws.kubeconfig();
    if (kc == null || !Files.isRegularFile(kc)) {
      gone("no kubeconfig at " + kc);
      retry();
      return;
    }
    WatchSession s = null;
    try {
      s = new WatchSession(kc, Files.getLastModifiedTime(kc).toMillis(), config.namespace(), KubeClients.client(KubeClients.config(kc, 3000, 5000)));
      s.start(this::scheduleRecompute, 15_000);
      session = s;
      backoffMs = options.minBackoff().toMillis();
      lastRegistryCheck = 0;
      podMetrics = Map.of();
      LOG.fine(() -> "watching the cluster at " + session.server());
      recompute();
      thread.schedule(this::health, options.health().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (s != null) {
        s.close();
      }
      gone("API server not reachable: " + rootMessage(e));
      retry();
    }
  }

  private void health() {
    if (closed || session == null) {
      return;
    }
    try {
      Path kc = ws.kubeconfig();
      boolean changed = !session.kubeconfig.equals(kc) || !Files.isRegularFile(kc)
          || Files.getLastModifiedTime(kc).toMillis() != session.kubeconfigModified
          || !session.namespace.equals(ws.config().config().namespace());
      if (changed) {
        disconnect();
        connect();
        return;
      }
      if (!session.healthy()) {
        throw new IllegalStateException("the watch connection was lost");
      }
      if (System.currentTimeMillis() - lastRegistryCheck >= options.registry().toMillis()) {
        lastRegistryCheck = System.currentTimeMillis();
        registryProblem = ClusterStates.registryProblem(session.client, ws);
        podMetrics = ServiceMetricsReader.read(session.client, session.namespace);
        recompute();
      }
      thread.schedule(this::health, options.health().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      disconnect();
      gone("API server not reachable: " + rootMessage(e));
      retry();
    }
  }

  private void scheduleRecompute() {
    if (!closed && recomputePending.compareAndSet(false, true)) {
      thread.schedule(() -> {
        recomputePending.set(false);
        recompute();
      }, 50, TimeUnit.MILLISECONDS);
    }
  }

  private void recompute() {
    WatchSession s = session;
    if (closed || s == null) {
      return;
    }
    try {
      DevConfig config = ws.config().config();
      ClusterStatus computed = ClusterStates.fromNodes(config.cluster().name(), s.context(), s.server(), s.kubeconfig.toString(), s.nodes(), registryProblem);
      store.update(st -> st.withCluster(ClusterStates.whileBusy(st.busy(), computed))
          .withServices(ServiceMetricsReader.attach(ServiceReadiness.compute(config, s.pods(), st.services()), podMetrics)));
      announce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cluster status update failed", e);
    }
  }

  private void gone(String reason) {
    DevConfig config = ws.config().config();
    ClusterStatus stopped = ClusterStates.stopped(config.cluster().name(), String.valueOf(ws.kubeconfig()), reason);
    store.update(st -> st.withCluster(ClusterStates.whileBusy(st.busy(), stopped))
        .withServices(ServiceReadiness.unavailable(config, "cluster not reachable", st.services())));
    announce();
  }

  private void announce() {
    ClusterStatus c = store.get().cluster();
    String state = c.state() + (c.reason() == null ? "" : ": " + c.reason());
    if (!state.equals(lastState)) {
      lastState = state;
      events.publish(HostK8sEvent.of("cluster.state", null, state));
    }
  }

  private void retry() {
    if (closed) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, options.maxBackoff().toMillis());
    thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  private void disconnect() {
    if (session != null) {
      WatchSession s = session;
      session = null;
      s.close();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.execute(this::disconnect);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
