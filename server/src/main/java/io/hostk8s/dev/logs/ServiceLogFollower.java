package io.hostk8s.dev.logs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.forward.PodTracker;
import io.hostk8s.dev.protocol.LogBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows one service's pod log: the pod chosen by a {@link PodTracker#forLogs} tracker, streamed with fabric8's
 * {@code watchLog}, sent in batches ({@link LogBatcher}). When the pod is replaced the stream moves to the new pod
 * after a line saying so, and starts at the new pod's first line: its log is opened once its container has started
 * ({@link ContainerStart}), and until a stream has delivered a line it is reopened from the start. An error answer
 * of the API (a {@code Status} object, e.g. 404 "has no running container") is never passed on as a log line
 * ({@link ApiStatusLine}): it becomes one {@code [hostk8s]} line and the follower retries. A stream that ends while
 * its pod is still the chosen one is reopened (new lines only) with back-off.
 */
final class ServiceLogFollower implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServiceLogFollower.class.getName());
  /** Lines of a replacement pod sent from the start of its log (at most). */
  static final int NEW_POD_TAIL = 1000;
  static final String MARK = "[hostk8s] ";
  /** A container that has not started after this long gets a line saying the follower waits for it. */
  static final long SAY_WAITING_AFTER_MS = 2_000;
  private static final long MIN_RETRY_MS = 250;
  private static final long MAX_RETRY_MS = 15_000;

  private final ForwardTarget target;
  private final Supplier<KubernetesClient> kube;
  private final ScheduledExecutorService timer;
  private final LogBatcher batcher;
  private final int tailLines;
  private final PodTracker tracker;
  private LogWatch watch;
  private int generation;
  /** The pod of this generation, the tail to ask for until its stream delivered a line, whether one did. */
  private int firstTail;
  private boolean delivered;
  private long waitingSince;
  private long retryMs = MIN_RETRY_MS;
  private final java.util.Set<String> noticed = new java.util.HashSet<>();
  private volatile boolean closed;

  ServiceLogFollower(ForwardTarget target, Supplier<KubernetesClient> kube, ScheduledExecutorService timer, Consumer<LogBatch> out, int tailLines) {
    this.target = target;
    this.kube = kube;
    this.timer = timer;
    this.batcher = new LogBatcher(target.service(), out);
    this.tailLines = tailLines;
    this.tracker = PodTracker.forLogs(target, kube, timer, this::podChanged);
  }

  ServiceLogFollower start() {
    batcher.start(timer);
    tracker.start();
    return this;
  }

  String service() {
    return target.service();
  }

  /** The pod followed now, or null while there is none. */
  String pod() {
    return tracker.pod();
  }

  PodTracker tracker() {
    return tracker;
  }

  private void podChanged(String from, String to) {
    if (to == null) {
      if (from != null) {
        batcher.add(from, MARK + "pod " + from + " is gone; waiting for the next pod of " + target.service());
      }
      return;
    }
    if (from != null && !from.equals(to)) {
      batcher.add(to, MARK + "now following pod " + to + " (replaced " + from + ")");
    }
    int gen;
    LogWatch old;
    synchronized (this) {
      if (closed) {
        return;
      }
      old = watch;
      watch = null;
      gen = ++generation;
      firstTail = from == null ? tailLines : NEW_POD_TAIL;
      delivered = false;
      waitingSince = System.currentTimeMillis();
      retryMs = MIN_RETRY_MS;
      noticed.clear();
    }
    if (old != null) {
      old.close();
    }
    attempt(to, gen);
  }

  /** Opens the pod's log once its container has started; until then looks again shortly. */
  private void attempt(String pod, int gen) {
    if (!current(gen) || !pod.equals(tracker.pod())) {
      return;
    }
    ContainerStart.Seen seen = ContainerStart.of(kube.get(), target.namespace(), pod, target.container());
    switch (seen.state()) {
      case GONE -> { } // the tracker moves on
      case WAITING -> {
        if (System.currentTimeMillis() - waitingSince >= SAY_WAITING_AFTER_MS) {
          notice(pod, "pod " + pod + ": container not running yet (" + seen.reason() + "); its log follows from its first line once it starts");
        }
        retry(pod, gen, Math.min(retryMs, 1_000));
      }
      default -> open(pod, gen);
    }
  }

  private void open(String pod, int gen) {
    int tail;
    synchronized (this) {
      tail = delivered ? 0 : firstTail;
    }
    LogWatch w;
    try {
      w = kube.get().pods().inNamespace(target.namespace()).withName(pod).tailingLines(tail).watchLog();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "log of " + pod + " cannot be opened", e);
      retry(pod, gen, backoff());
      return;
    }
    synchronized (this) {
      if (closed || gen != generation) {
        w.close();
        return;
      }
      watch = w;
    }
    Thread reader = new Thread(() -> read(pod, gen, w), "logs-" + target.service());
    reader.setDaemon(true);
    reader.start();
  }

  private void read(String pod, int gen, LogWatch w) {
    Optional<String> apiError = Optional.empty();
    String error = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(w.getOutput(), StandardCharsets.UTF_8))) {
      boolean first = true;
      for (String l; (l = r.readLine()) != null; first = false) {
        if (first && (apiError = ApiStatusLine.error(l)).isPresent()) {
          break; // the API's answer, not the pod's log
        }
        if (!current(gen)) {
          break;
        }
        synchronized (this) {
          delivered = true;
          retryMs = MIN_RETRY_MS;
        }
        batcher.add(pod, l);
      }
    } catch (IOException | RuntimeException e) {
      error = e.getMessage();
    }
    w.close();
    if (apiError.isPresent()) {
      notice(pod, "pod " + pod + ": its log cannot be read yet (" + apiError.get() + "); retrying until the container runs");
      retry(pod, gen, backoff());
      return;
    }
    String why = error;
    LOG.fine(() -> "log stream of " + pod + " ended" + (why == null ? "" : " (" + why + ")"));
    retry(pod, gen, error == null ? MIN_RETRY_MS * 2 : backoff());
  }

  /** The stream of {@code pod} could not start or ended: look again later unless another pod is followed by now. */
  private void retry(String pod, int gen, long delayMs) {
    if (!current(gen)) {
      return;
    }
    try {
      timer.schedule(() -> attempt(pod, gen), delayMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private synchronized long backoff() {
    long d = retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    return d;
  }

  /** One {@code [hostk8s]} line per distinct notice and pod (a retry loop says it once). */
  private void notice(String pod, String text) {
    synchronized (this) {
      if (!noticed.add(text)) {
        return;
      }
    }
    batcher.add(pod, MARK + text);
  }

  private synchronized boolean current(int gen) {
    return !closed && gen == generation;
  }

  @Override
  public void close() {
    LogWatch w;
    synchronized (this) {
      closed = true;
      w = watch;
      watch = null;
      generation++;
    }
    tracker.close();
    if (w != null) {
      w.close();
    }
    batcher.close();
  }
}
