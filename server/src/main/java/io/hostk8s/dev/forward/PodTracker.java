package io.hostk8s.dev.forward;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hostk8s.dev.cluster.PodReadiness;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pod a service's traffic (a forward, a log stream) currently goes to: an informer on the service's selector
 * and {@link PodChoice}. A pod watch that cannot start or stops is restarted with exponential back-off
 * ({@link #MIN_BACKOFF_MS} … {@link #MAX_BACKOFF_MS}); {@link #reresolve()} re-reads the pods from the API (after a
 * failed connection). {@code onChange} hears every change of the chosen pod (to null while none is Ready).
 */
public final class PodTracker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PodTracker.class.getName());
  static final long MIN_BACKOFF_MS = 250;
  static final long MAX_BACKOFF_MS = 15_000;

  /** Hears the chosen pod change: {@code from} is the last pod served (null the first time), {@code to} may be null. */
  public interface Listener {
    void changed(String from, String to);
  }

  private final ForwardTarget target;
  private final Supplier<KubernetesClient> kube;
  private final ScheduledExecutorService timer;
  private final Listener listener;
  private final java.util.function.BiFunction<List<Pod>, String, String> chooser;
  private final Object lock = new Object();
  private SharedIndexInformer<Pod> informer;
  private String pod;
  private String uid;
  private String lastServed;
  private String lastError;
  private long backoff = MIN_BACKOFF_MS;
  private volatile boolean closed;

  /** A tracker for forwards: Ready pods only (see {@link PodChoice#choose}). */
  public PodTracker(ForwardTarget target, Supplier<KubernetesClient> kube, ScheduledExecutorService timer, Listener listener) {
    this(target, kube, timer, listener, PodChoice::choose);
  }

  private PodTracker(ForwardTarget target, Supplier<KubernetesClient> kube, ScheduledExecutorService timer, Listener listener,
      java.util.function.BiFunction<List<Pod>, String, String> chooser) {
    this.target = target;
    this.kube = kube;
    this.timer = timer;
    this.listener = listener;
    this.chooser = chooser;
  }

  /** A tracker for log streams: any live pod, Ready ones first (see {@link PodChoice#chooseForLogs}). */
  public static PodTracker forLogs(ForwardTarget target, Supplier<KubernetesClient> kube, ScheduledExecutorService timer, Listener listener) {
    return new PodTracker(target, kube, timer, listener, PodChoice::chooseForLogs);
  }

  /** The pod {@link #forLogs} would choose right now, read once from the API (no watch). */
  public static String currentForLogs(KubernetesClient kube, ForwardTarget target) {
    return PodChoice.chooseForLogs(kube.pods().inNamespace(target.namespace()).withLabels(target.selector()).list().getItems(), null);
  }

  public PodTracker start() {
    startInformer();
    return this;
  }

  public ForwardTarget target() {
    return target;
  }

  /** The chosen pod, or null while none is Ready. */
  public String pod() {
    synchronized (lock) {
      return pod;
    }
  }

  /** The chosen pod with its uid, or null while none is Ready. */
  public PodRef podRef() {
    synchronized (lock) {
      return pod == null ? null : new PodRef(pod, uid);
    }
  }

  public String lastError() {
    synchronized (lock) {
      return lastError;
    }
  }

  void noteError(String error) {
    synchronized (lock) {
      lastError = error;
    }
  }

  /**
   * Waits for a chosen pod; null on timeout or close. {@code stop} ends the wait early (checked on every change).
   */
  public String await(Duration timeout, java.util.function.BooleanSupplier stop) {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (pod == null && !closed && !stop.getAsBoolean()) {
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
      return closed ? null : pod;
    }
  }

  /** Wakes waiters (e.g. when the owner failed). */
  void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** FORWARD_NO_POD with the selector, the namespace and why no pod is chosen. */
  public HostK8sException noPod(Duration waited) {
    return HostK8sException.user(ErrorCode.FORWARD_NO_POD, "No Ready pod of service '" + target.service() + "' (selector "
        + target.selectorText() + " in namespace " + target.namespace() + ") after " + waited.toMillis() / 1000.0 + " s: "
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
          backoff = MIN_BACKOFF_MS;
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
      delay = backoff;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    if (inf != null) {
      inf.stop();
    }
    LOG.log(Level.FINE, "pods of " + target.service() + ": watch failed, retry in " + delay + " ms", t);
    timer.schedule(this::startInformer, delay, TimeUnit.MILLISECONDS);
  }

  private void reselect() {
    SharedIndexInformer<Pod> inf;
    synchronized (lock) {
      inf = informer;
    }
    if (inf != null && !closed) {
      choose(inf.getStore().list());
    }
  }

  /** Re-reads the pods from the API (not the informer's cache) and chooses again. */
  public void reresolve() {
    if (closed) {
      return;
    }
    try {
      choose(kube.get().pods().inNamespace(target.namespace()).withLabels(target.selector()).list().getItems());
    } catch (RuntimeException e) {
      noteError("listing pods: " + message(e));
      throw e;
    }
  }

  private void choose(List<Pod> pods) {
    String from;
    String to;
    synchronized (lock) {
      String before = pod;
      to = chooser.apply(pods, before);
      String toUid = uidOf(pods, to);
      if (Objects.equals(before, to) && (toUid == null || Objects.equals(uid, toUid))) {
        return;
      }
      pod = to;
      uid = toUid;
      from = lastServed;
      if (to != null) {
        lastServed = to;
      }
      lock.notifyAll();
    }
    listener.changed(from, to);
  }

  private static String uidOf(List<Pod> pods, String name) {
    if (name == null) {
      return null;
    }
    return pods.stream().filter(p -> name.equals(p.getMetadata().getName())).map(p -> p.getMetadata().getUid()).findFirst().orElse(null);
  }

  static String message(Throwable t) {
    if (t == null) {
      return "stopped";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
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
  }
}
