package io.hostk8s.dev.logs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.forward.PodTracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows one service's pod log: the pod chosen by a {@link PodTracker#forLogs} tracker, streamed with fabric8's
 * {@code watchLog}, lines sent in batches (every {@link #FLUSH_MS} ms, or at {@link #MAX_BATCH} lines). When the
 * pod is replaced the stream moves to the new pod (from the start of its log) after a line saying so; a stream that
 * ends while its pod is still the chosen one is reopened (new lines only) with back-off.
 */
final class ServiceLogFollower implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServiceLogFollower.class.getName());
  static final long FLUSH_MS = 100;
  static final int MAX_BATCH = 200;
  static final int MAX_LINE = 8192;
  /** Lines of a replacement pod sent from the start of its log (at most). */
  static final int NEW_POD_TAIL = 1000;
  static final String MARK = "[hostk8s] ";

  private final ForwardTarget target;
  private final Supplier<KubernetesClient> kube;
  private final ScheduledExecutorService timer;
  private final Consumer<LogBatch> out;
  private final int tailLines;
  private final PodTracker tracker;
  private final List<String> buffer = new ArrayList<>();
  private String bufferPod;
  private ScheduledFuture<?> flusher;
  private LogWatch watch;
  private int generation;
  private long reopenBackoff = 500;
  private volatile boolean closed;

  ServiceLogFollower(ForwardTarget target, Supplier<KubernetesClient> kube, ScheduledExecutorService timer, Consumer<LogBatch> out, int tailLines) {
    this.target = target;
    this.kube = kube;
    this.timer = timer;
    this.out = out;
    this.tailLines = tailLines;
    this.tracker = PodTracker.forLogs(target, kube, timer, this::podChanged);
  }

  ServiceLogFollower start() {
    flusher = timer.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
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
        line(from, MARK + "pod " + from + " is gone; waiting for the next pod of " + target.service());
      }
      return;
    }
    boolean replacement = from != null && !from.equals(to);
    if (replacement) {
      line(to, MARK + "now following pod " + to + " (replaced " + from + ")");
    }
    open(to, from == null ? tailLines : NEW_POD_TAIL);
  }

  private void open(String pod, int tail) {
    int gen;
    LogWatch old;
    synchronized (this) {
      if (closed) {
        return;
      }
      old = watch;
      watch = null;
      gen = ++generation;
    }
    if (old != null) {
      old.close();
    }
    LogWatch w;
    try {
      w = kube.get().pods().inNamespace(target.namespace()).withName(pod).tailingLines(tail).watchLog();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "log of " + pod + " cannot be opened", e);
      reopenLater(pod, gen, e.getMessage());
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
    String error = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(w.getOutput(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        if (current(gen)) {
          line(pod, l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + " …" : l);
        }
      }
    } catch (IOException | RuntimeException e) {
      error = e.getMessage();
    }
    synchronized (this) {
      reopenBackoff = error == null ? 500 : reopenBackoff;
    }
    reopenLater(pod, gen, error);
  }

  /** The stream of {@code pod} ended: reopen it (new lines only) unless another pod is followed by now. */
  private void reopenLater(String pod, int gen, String error) {
    long delay;
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      delay = reopenBackoff;
      reopenBackoff = Math.min(reopenBackoff * 2, 15_000);
    }
    LOG.fine(() -> "log stream of " + pod + " ended" + (error == null ? "" : " (" + error + ")") + "; reopening in " + delay + " ms");
    timer.schedule(() -> {
      if (current(gen) && pod.equals(tracker.pod())) {
        open(pod, 0);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  private synchronized boolean current(int gen) {
    return !closed && gen == generation;
  }

  private void line(String pod, String line) {
    List<String> full = null;
    String fullPod = null;
    synchronized (buffer) {
      if (bufferPod != null && !bufferPod.equals(pod) && !buffer.isEmpty()) {
        full = new ArrayList<>(buffer);
        fullPod = bufferPod;
        buffer.clear();
      }
      bufferPod = pod;
      buffer.add(line);
      if (buffer.size() >= MAX_BATCH && full == null) {
        full = new ArrayList<>(buffer);
        fullPod = pod;
        buffer.clear();
      }
    }
    if (full != null) {
      out.accept(new LogBatch(target.service(), fullPod, full));
    }
  }

  private void flush() {
    List<String> lines;
    String pod;
    synchronized (buffer) {
      if (buffer.isEmpty()) {
        return;
      }
      lines = new ArrayList<>(buffer);
      pod = bufferPod;
      buffer.clear();
    }
    out.accept(new LogBatch(target.service(), pod, lines));
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
    if (flusher != null) {
      flusher.cancel(false);
    }
    flush();
  }
}
