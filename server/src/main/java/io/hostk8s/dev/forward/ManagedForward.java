package io.hostk8s.dev.forward;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.PortForward;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.status.ForwardStatus;
import io.hostk8s.dev.status.PodReadiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One forward: a listening socket on 127.0.0.1 that lives as long as the forward, and for each accepted connection
 * a fabric8 port-forward (websocket) to the current pod. The pod comes from an informer on the service's selector
 * ({@link PodChoice}); new connections go to the new pod as soon as the informer sees it Ready. Health: the pod's
 * readiness (informer) and each connection's own error state — never a probe connection (the first client of
 * debugpy or JDWP would be the probe). A failed informer restarts, and a failed connection triggers a re-resolution,
 * both with exponential back-off.
 */
final class ManagedForward implements Forward {
  private static final Logger LOG = Logger.getLogger(ManagedForward.class.getName());
  static final long MIN_BACKOFF_MS = 250;
  static final long MAX_BACKOFF_MS = 15_000;
  /** How long an accepted connection waits for a pod (e.g. during a replacement) before it is closed. */
  static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

  /** What the manager hears: state changes (→ status) and moves (→ an event). */
  interface Changes {
    void changed(ManagedForward f);

    void moved(ManagedForward f, String from, String to);
  }

  private record Connection(String pod, SocketChannel channel, PortForward forward) {}

  private final ForwardTarget target;
  private final String name;
  private final int remotePort;
  private final ServerSocketChannel server;
  private final int localPort;
  private final String url;
  private final Supplier<KubernetesClient> kube;
  private final ScheduledExecutorService timer;
  private final ExecutorService connector;
  private final Changes changes;
  private final Object lock = new Object();
  private final List<Consumer<String>> podListeners = new CopyOnWriteArrayList<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Pod> informer;
  private String pod;
  private String lastServed;
  private String state = "reconnecting";
  private String lastError;
  private long informerBackoff = MIN_BACKOFF_MS;
  private long connectBackoff = MIN_BACKOFF_MS;
  private boolean verifyScheduled;
  private volatile boolean closed;
  private java.util.concurrent.ScheduledFuture<?> reaper;
  private Thread acceptor;

  ManagedForward(ForwardTarget target, String name, int remotePort, ServerSocketChannel server, String url,
      Supplier<KubernetesClient> kube, ScheduledExecutorService timer, ExecutorService connector, Changes changes) {
    this.target = target;
    this.name = name;
    this.remotePort = remotePort;
    this.server = server;
    this.localPort = ((InetSocketAddress) LocalPorts.address(server)).getPort();
    this.url = url == null ? null : url.replace("{port}", String.valueOf(localPort));
    this.kube = kube;
    this.timer = timer;
    this.connector = connector;
    this.changes = changes;
  }

  void start() {
    startInformer();
    acceptor = new Thread(this::acceptLoop, "forward-" + target.service() + "-" + name);
    acceptor.setDaemon(true);
    acceptor.start();
    reaper = timer.scheduleWithFixedDelay(this::checkConnections, 200, 200, TimeUnit.MILLISECONDS);
  }

  @Override
  public String service() {
    return target.service();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int localPort() {
    return localPort;
  }

  @Override
  public int remotePort() {
    return remotePort;
  }

  @Override
  public String pod() {
    synchronized (lock) {
      return pod;
    }
  }

  ForwardTarget target() {
    return target;
  }

  ForwardStatus status() {
    synchronized (lock) {
      return new ForwardStatus(target.service(), name, localPort, remotePort, pod, state, url);
    }
  }

  String lastError() {
    synchronized (lock) {
      return lastError;
    }
  }

  @Override
  public String awaitPod(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (pod == null && !closed && !"failed".equals(state)) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          break;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw HostK8sException.user(ErrorCode.CANCELLED, "Interrupted while waiting for a pod of " + target.service() + ".", null);
        }
      }
      if (pod != null) {
        return pod;
      }
      if (closed || "failed".equals(state)) {
        throw HostK8sException.user(ErrorCode.FORWARD_FAILED, "The forward " + target.service() + "/" + name + " is "
            + (closed ? "closed" : "failed: " + lastError) + ".", "Open it again (hostk8s.forward.start).");
      }
    }
    throw HostK8sException.user(ErrorCode.FORWARD_NO_POD, "No Ready pod of service '" + target.service() + "' (selector "
        + target.selectorText() + " in namespace " + target.namespace() + ") after " + timeout.toMillis() / 1000.0 + " s: "
        + waitingReason() + ".", "Deploy it (hostk8s-dev up or deploy) and check `hostk8s-dev status` until the service is ready.");
  }

  private String waitingReason() {
    SharedIndexInformer<Pod> inf;
    String err;
    synchronized (lock) {
      inf = informer;
      err = lastError;
    }
    if (inf == null || !inf.hasSynced()) {
      return "the pods cannot be listed" + (err == null ? "" : " (" + err + ")");
    }
    List<Pod> pods = inf.getStore().list();
    return pods.isEmpty() ? "no pod matches" : pods.size() + " pod(s), none ready (" + PodReadiness.reason(pods) + ")";
  }

  @Override
  public AutoCloseable onPodChange(Consumer<String> listener) {
    podListeners.add(listener);
    return () -> podListeners.remove(listener);
  }

  // ---------------------------------------------------------------------------------------------- pod tracking

  private void startInformer() {
    if (closed) {
      return;
    }
    SharedIndexInformer<Pod> inf;
    try {
      inf = kube.get().pods().inNamespace(target.namespace()).withLabels(target.selector()).runnableInformer(0);
    } catch (RuntimeException e) {
      informerFailed(null, e);
      return;
    }
    inf.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod p) {
        reselect();
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        reselect();
      }

      @Override
      public void onDelete(Pod p, boolean unknownFinalState) {
        reselect();
      }
    });
    synchronized (lock) {
      informer = inf;
    }
    inf.start().whenComplete((v, t) -> {
      if (t != null) {
        informerFailed(inf, t);
      } else {
        synchronized (lock) {
          informerBackoff = MIN_BACKOFF_MS;
        }
        reselect();
      }
    });
    inf.stopped().whenComplete((v, t) -> informerFailed(inf, t));
  }

  /** The informer could not start or stopped: retry with back-off (its own watch reconnects cover the rest). */
  private void informerFailed(SharedIndexInformer<Pod> inf, Throwable t) {
    long delay;
    synchronized (lock) {
      if (closed || (inf != null && informer != inf)) {
        return;
      }
      informer = null;
      lastError = "pod watch: " + message(t);
      state = pod == null ? "reconnecting" : state;
      delay = informerBackoff;
      informerBackoff = Math.min(informerBackoff * 2, MAX_BACKOFF_MS);
    }
    if (inf != null) {
      inf.stop();
    }
    LOG.log(Level.FINE, "forward " + target.service() + "/" + name + ": pod watch failed, retry in " + delay + " ms", t);
    changes.changed(this);
    timer.schedule(this::startInformer, delay, TimeUnit.MILLISECONDS);
  }

  private void reselect() {
    SharedIndexInformer<Pod> inf;
    synchronized (lock) {
      inf = informer;
    }
    if (inf == null || closed) {
      return;
    }
    choose(inf.getStore().list());
  }

  /** Applies the pod choice over {@code pods}; fires listeners on a move. */
  private void choose(List<Pod> pods) {
    String from;
    String to;
    boolean changed;
    synchronized (lock) {
      String before = pod;
      String beforeState = state;
      to = PodChoice.choose(pods, before);
      pod = to;
      from = lastServed;
      if (to != null) {
        lastServed = to;
        state = "active";
      } else {
        state = "reconnecting";
      }
      changed = !Objects.equals(before, to) || !Objects.equals(beforeState, state);
      lock.notifyAll();
    }
    if (!changed) {
      return;
    }
    changes.changed(this);
    if (to != null && from != null && !from.equals(to)) {
      LOG.info("forward " + target.service() + "/" + name + " moved " + from + " → " + to);
      changes.moved(this, from, to);
      for (Consumer<String> l : podListeners) {
        try {
          l.accept(to);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "pod-change listener failed", e);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- connections

  private void acceptLoop() {
    while (!closed) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (IOException e) {
        if (!closed) {
          synchronized (lock) {
            state = "failed";
            lastError = "local listener: " + e.getMessage();
            lock.notifyAll();
          }
          changes.changed(this);
        }
        return;
      }
      connector.execute(() -> connect(ch));
    }
  }

  private void connect(SocketChannel ch) {
    String p = waitForPod();
    if (p == null) {
      LOG.info("forward " + target.service() + "/" + name + ": no Ready pod within " + CONNECT_WAIT.toSeconds() + " s, connection closed");
      closeQuietly(ch);
      return;
    }
    try {
      PortForward pf = kube.get().pods().inNamespace(target.namespace()).withName(p).portForward(remotePort, ch, ch);
      connections.add(new Connection(p, ch, pf));
      if (closed) {
        closeConnections();
      }
    } catch (RuntimeException e) {
      closeQuietly(ch);
      connectionFailed(p, e);
    }
  }

  private String waitForPod() {
    long end = System.nanoTime() + CONNECT_WAIT.toNanos();
    synchronized (lock) {
      while (pod == null && !closed) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          return null;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return closed ? null : pod;
    }
  }

  /** Reaps finished connections; a connection that ended with an error marks the forward for re-resolution. */
  private void checkConnections() {
    for (Connection c : connections) {
      if (c.forward().isAlive()) {
        continue;
      }
      connections.remove(c);
      closeQuietly(c.channel());
      if (c.forward().errorOccurred()) {
        Throwable t = c.forward().getServerThrowables().stream().findFirst()
            .orElse(c.forward().getClientThrowables().stream().findFirst().orElse(null));
        connectionFailed(c.pod(), t);
      } else {
        synchronized (lock) {
          connectBackoff = MIN_BACKOFF_MS;
        }
      }
    }
  }

  private void connectionFailed(String failedPod, Throwable t) {
    long delay;
    synchronized (lock) {
      lastError = "connection to " + failedPod + ":" + remotePort + ": " + message(t);
      if (closed || verifyScheduled) {
        return;
      }
      verifyScheduled = true;
      state = "reconnecting";
      delay = connectBackoff;
      connectBackoff = Math.min(connectBackoff * 2, MAX_BACKOFF_MS);
    }
    LOG.info("forward " + target.service() + "/" + name + ": " + lastError() + "; re-resolving in " + delay + " ms");
    changes.changed(this);
    timer.schedule(this::reresolve, delay, TimeUnit.MILLISECONDS);
  }

  /** After a failed connection: the pods as the API has them now (not the informer's cache). */
  private void reresolve() {
    synchronized (lock) {
      verifyScheduled = false;
    }
    try {
      choose(kube.get().pods().inNamespace(target.namespace()).withLabels(target.selector()).list().getItems());
    } catch (RuntimeException e) {
      connectionFailed(pod(), e);
    }
  }

  private static String message(Throwable t) {
    if (t == null) {
      return "stopped";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private void closeConnections() {
    for (Connection c : connections) {
      connections.remove(c);
      closeQuietly(c.forward());
      closeQuietly(c.channel());
    }
  }

  void close() {
    SharedIndexInformer<Pod> inf;
    synchronized (lock) {
      closed = true;
      inf = informer;
      informer = null;
      lock.notifyAll();
    }
    if (inf != null) {
      inf.stop();
    }
    if (reaper != null) {
      reaper.cancel(false);
    }
    closeQuietly(server);
    closeConnections();
    if (acceptor != null && acceptor != Thread.currentThread()) {
      try {
        acceptor.join(2000); // the listening socket is released once its accept() has returned
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
