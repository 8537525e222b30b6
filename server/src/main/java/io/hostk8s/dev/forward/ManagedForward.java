package io.hostk8s.dev.forward;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.PortForward;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ForwardStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One forward: a listening socket on 127.0.0.1 that lives as long as the forward, and for each accepted connection
 * a fabric8 port-forward (websocket) to the pod the {@link PodTracker} has chosen; new connections go to a new pod
 * as soon as the tracker's informer sees it Ready. Health: the pod's readiness (informer) and each connection's own
 * error state — never a probe connection (the first client of debugpy or JDWP would be the probe). A connection
 * that ends with an error marks the forward {@code reconnecting} and re-reads the pods after an exponential back-off.
 */
final class ManagedForward implements Forward {
  private static final Logger LOG = Logger.getLogger(ManagedForward.class.getName());
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
  private final PodTracker tracker;
  private final Object lock = new Object();
  private final List<Consumer<String>> podListeners = new CopyOnWriteArrayList<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  /** The local listener died: the forward is {@code failed}. Volatile: read under the tracker's lock. */
  private volatile boolean failed;
  /** The last connection ended with an error and the pods are being re-read: {@code reconnecting}. */
  private volatile boolean troubled;
  private long connectBackoff = PodTracker.MIN_BACKOFF_MS;
  private boolean verifyScheduled;
  /** The last pod served (name and uid): a change of uid under the same name is a move too. */
  private volatile PodRef lastRef;
  private volatile boolean closed;
  private ScheduledFuture<?> reaper;
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
    this.tracker = new PodTracker(target, kube, timer, this::podChanged);
  }

  void start() {
    tracker.start();
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
    return tracker.pod();
  }

  @Override
  public PodRef podRef() {
    return tracker.podRef();
  }

  ForwardTarget target() {
    return target;
  }

  ForwardStatus status() {
    String pod = tracker.pod();
    String state = failed ? "failed" : pod == null || troubled ? "reconnecting" : "active";
    return new ForwardStatus(target.service(), name, localPort, remotePort, pod, state, url);
  }

  String lastError() {
    return tracker.lastError();
  }

  private boolean failed() {
    return failed;
  }

  @Override
  public String awaitPod(Duration timeout) {
    String p = tracker.await(timeout, this::failed);
    if (p != null) {
      return p;
    }
    if (closed || failed()) {
      throw HostK8sException.user(ErrorCode.FORWARD_FAILED, "The forward " + target.service() + "/" + name + " is "
          + (closed ? "closed" : "failed: " + lastError()) + ".", "Open it again (hostk8s.forward.start).");
    }
    throw tracker.noPod(timeout);
  }

  @Override
  public AutoCloseable onPodChange(Consumer<String> listener) {
    podListeners.add(listener);
    return () -> podListeners.remove(listener);
  }

  /** The tracker chose another pod (or none). */
  private void podChanged(String from, String to) {
    troubled = false;
    changes.changed(this);
    PodRef now = tracker.podRef();
    boolean replaced = now != null && lastRef != null && !now.samePod(lastRef);
    if (now != null) {
      lastRef = now;
    }
    if (to != null && from != null && (!from.equals(to) || replaced)) {
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
          failed = true;
          tracker.noteError("local listener: " + e.getMessage());
          tracker.wake();
          changes.changed(this);
        }
        return;
      }
      OptionalInt stranger = LocalPeers.otherUser(ch);
      if (stranger.isPresent()) { // debugpy and JDWP run any code they are sent: only this user's programs get through
        LOG.warning("forward " + target.service() + "/" + name + ": a connection from another local user (uid "
            + stranger.getAsInt() + ") to 127.0.0.1:" + localPort + " was refused");
        closeQuietly(ch);
        continue;
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
      // the local client closing must close the websocket too (fabric8 only stops reading): see LocalEnd
      CompletableFuture<PortForward> opened = new CompletableFuture<>();
      LocalEnd in = new LocalEnd(ch, () -> opened.thenAccept(ManagedForward::closeQuietly));
      PortForward pf = kube.get().pods().inNamespace(target.namespace()).withName(p).portForward(remotePort, in, ch);
      opened.complete(pf);
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
    return tracker.await(CONNECT_WAIT, this::failed);
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
          connectBackoff = PodTracker.MIN_BACKOFF_MS;
        }
      }
    }
  }

  private void connectionFailed(String failedPod, Throwable t) {
    long delay;
    tracker.noteError("connection to " + failedPod + ":" + remotePort + ": " + PodTracker.message(t));
    synchronized (lock) {
      if (closed || verifyScheduled) {
        return;
      }
      verifyScheduled = true;
      troubled = true;
      delay = connectBackoff;
      connectBackoff = Math.min(connectBackoff * 2, PodTracker.MAX_BACKOFF_MS);
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
      tracker.reresolve();
    } catch (RuntimeException e) {
      connectionFailed(pod(), e);
      return;
    }
    if (troubled && tracker.pod() != null) {
      troubled = false;
      changes.changed(this);
    }
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
    closed = true;
    tracker.close();
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
