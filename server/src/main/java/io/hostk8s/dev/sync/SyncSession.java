package io.hostk8s.dev.sync;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.SyncStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sync of one service. A watcher feeds the {@link ChangeQueue}; one worker thread takes coalesced batches,
 * resolves the pods by selector at send time, plans each batch as data and sends it as ONE exec per pod. Per pod it
 * keeps a content-hash manifest of what the pod holds; a pod it has no manifest for (start, replacement, a failed
 * send) is listed (one exec: hashes under the targets) and reconciled — only differences are sent. A failed send
 * forgets that pod's manifest and puts the batch back, so the retry reconciles: nothing is lost.
 */
public final class SyncSession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SyncSession.class.getName());

  /** Receives batch reports and status changes. */
  public interface Listener {
    void onBatch(BatchReport report);

    void onStatus(SyncStatus status);

    /** save → serving of the last probed batch (see {@link ServingProbe}). */
    default void onServing(long servingMs) {}
  }

  /** Tuning: coalescing window (quiet, cap) in ms. */
  public record Options(long quietMs, long capMs) {
    public static final Options DEFAULT = new Options(20, 250);
  }

  private final String service;
  private final List<SyncSource> sources;
  private final PodFinder locator;
  private final PodExec exec;
  private final String afterSync;
  private final Listener listener;
  private final LocalFiles files = new LocalFiles();
  private final BatchPlanner planner;
  private final ChangeQueue queue;
  private final Map<String, Map<String, String>> manifests = new ConcurrentHashMap<>();
  private final LatencyStats stats = new LatencyStats();
  private final LatencyStats serving = new LatencyStats();
  private final AtomicInteger batches = new AtomicInteger();
  private final CompletableFuture<SyncStatus> firstRound = new CompletableFuture<>();
  private final Thread worker;
  private volatile ContextWatcher watcher;
  private volatile boolean closed;
  private volatile SyncStatus status = new SyncStatus("starting", null, null, null, 0);
  private volatile int maxPlanned;
  private volatile BatchReport lastReport;
  private volatile ServingProbe probe;
  private volatile Long lastServing;

  public SyncSession(String service, List<SyncSource> sources, PodFinder locator, PodExec exec, String afterSync, Listener listener,
      Options options) {
    this.service = service;
    this.sources = List.copyOf(sources);
    this.locator = locator;
    this.exec = exec;
    this.afterSync = afterSync == null || afterSync.isBlank() ? null : afterSync;
    this.listener = listener;
    this.planner = new BatchPlanner(this.sources, files);
    this.queue = new ChangeQueue(options.quietMs(), options.capMs());
    this.worker = new Thread(this::loop, "sync-" + service);
    this.worker.setDaemon(true);
  }

  /**
   * Starts watching and reconciles every running pod; returns the status after that first round (or after
   * {@code timeout}). A first round that cannot work at all (no tar in the container…) throws and stops the session.
   */
  public SyncStatus start(Duration timeout) throws InterruptedException {
    watcher = new ContextWatcher(service, sources, queue);
    queue.rescan();
    worker.start();
    try {
      return firstRound.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      close();
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      return status;
    }
  }

  /** Measures save → serving after each saved batch through the container's HTTP readiness probe, if it has one. */
  void probeServing(java.util.function.Supplier<io.fabric8.kubernetes.client.KubernetesClient> client, String container) {
    probe = new ServingProbe(client, container, ms -> {
      lastServing = ms;
      serving.add(ms);
      listener.onServing(ms);
      publish(state(status.state(), status.error()));
    });
  }

  /** A pod of the service changed (watch): reconcile if it is one we hold no manifest for. */
  public void podChanged(String uid) {
    if (uid == null || !manifests.containsKey(uid)) {
      queue.rescan();
    }
  }

  private void loop() {
    long backoff = 100;
    int attempt = 1;
    while (!closed) {
      ChangeQueue.Work work;
      try {
        work = queue.take(2_000);
      } catch (InterruptedException e) {
        return;
      }
      if (work == null) {
        return;
      }
      try {
        List<PodRef> pods = locator.find();
        Set<String> uids = new HashSet<>();
        pods.forEach(p -> uids.add(p.uid()));
        manifests.keySet().retainAll(uids);
        if (pods.isEmpty()) {
          publish(state("waiting", "no " + locator.describe()));
          firstRound.complete(status);
          continue; // a pod that appears is reconciled in full: nothing pending is lost
        }
        boolean needed = !work.isEmpty() || pods.stream().anyMatch(p -> !manifests.containsKey(p.uid()));
        if (!needed) {
          continue;
        }
        boolean failed = false;
        for (PodRef pod : pods) {
          failed |= !syncPod(pod, work, attempt);
        }
        if (failed) {
          queue.putBack(new ChangeQueue.Work(work.changes(), true, work.earliestMillis()));
          attempt++;
          Thread.sleep(backoff);
          backoff = Math.min(backoff * 2, 5_000);
        } else {
          attempt = 1;
          backoff = 100;
          publish(state("watching", null));
          firstRound.complete(status);
        }
      } catch (HostK8sException e) {
        publish(state("error", e.getMessage()));
        if (!firstRound.isDone()) {
          firstRound.completeExceptionally(e);
          return;
        }
        queue.putBack(new ChangeQueue.Work(work.changes(), true, work.earliestMillis()));
        sleepQuietly(10_000); // not fixable by retrying at once: try again on the next save or in 10 s
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.INFO, "sync of " + service + " failed; retrying", e);
        publish(state("error", "retrying: " + e.getMessage()));
        queue.putBack(new ChangeQueue.Work(work.changes(), true, work.earliestMillis()));
        sleepQuietly(backoff);
        backoff = Math.min(backoff * 2, 5_000);
        attempt++;
      }
    }
  }

  /** One pod: reconcile (no manifest, or a rescan) or apply the changes. False when the send failed (retried later). */
  private boolean syncPod(PodRef pod, ChangeQueue.Work work, int attempt) throws IOException {
    Map<String, String> manifest = manifests.get(pod.uid());
    BatchPlan plan;
    Map<String, String> base;
    try {
      if (manifest == null || work.rescan()) {
        publish(state("syncing", null, pod.name()));
        Map<String, String> listing = list(pod);
        plan = planner.reconcile(listing, work.earliestMillis() == 0 ? System.currentTimeMillis() : work.earliestMillis());
        base = listing == null ? new HashMap<>() : new HashMap<>(listing);
      } else {
        plan = planner.changes(work.changes(), manifest, work.earliestMillis());
        base = manifest;
        if (!plan.isEmpty()) {
          publish(state("syncing", null, pod.name()));
        }
      }
      maxPlanned = Math.max(maxPlanned, plan.copies().size() + plan.deletes().size());
      if (plan.isEmpty()) {
        manifests.put(pod.uid(), base);
        return true;
      }
      ApplyResult r = apply(pod, plan);
      for (BatchPlan.Delete d : plan.deletes()) {
        base.keySet().removeIf(k -> k.equals(d.target()) || k.startsWith(d.target() + "/"));
      }
      base.putAll(r.sent().hashes());
      manifests.put(pod.uid(), base);
      long latency = Math.max(0, System.currentTimeMillis() - plan.earliestChangeMillis());
      if ("watch".equals(plan.reason())) {
        stats.add(latency);
        ServingProbe p = probe;
        if (p != null && (!r.sent().hashes().isEmpty() || !plan.deletes().isEmpty())) {
          p.applied(pod, plan.earliestChangeMillis());
        }
      }
      List<String> refused = plan.skipped().stream().limit(10).map(s -> s.path() + ": " + s.why()).toList();
      BatchReport report = new BatchReport(service, pod.name(), plan.reason(), r.sent().files(), plan.deletes().size(), r.sent().bytes(),
          latency, attempt, refused, r.error(), System.currentTimeMillis());
      lastReport = report;
      batches.incrementAndGet();
      listener.onBatch(report);
      return true;
    } catch (IOException e) {
      manifests.remove(pod.uid());
      LOG.log(Level.INFO, "send to " + pod.name() + " failed (retrying with a reconcile): " + e.getMessage());
      publish(state("syncing", "retrying: " + e.getMessage(), pod.name()));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      manifests.remove(pod.uid());
      return false;
    }
  }

  private record ApplyResult(TarBatchWriter.Sent sent, String error) {}

  private ApplyResult apply(PodRef pod, BatchPlan plan) throws IOException, InterruptedException {
    List<String> targets = sources.stream().map(SyncSource::to).toList();
    PodExec.Result res;
    TarBatchWriter.Sent sent;
    try (TarBatchWriter.Batch batch = TarBatchWriter.prepare(plan, sources)) {
      sent = batch.sent();
      Duration timeout = Duration.ofSeconds(60 + batch.tar().size() / (1 << 20));
      res = exec.exec(pod, RemoteScripts.applyCommand(afterSync, plan.deletes().size(), targets), batch::writeTo, timeout);
    }
    switch (res.exitCode()) {
      case 0:
        return new ApplyResult(sent, null);
      case RemoteScripts.AFTER_SYNC_FAILED:
        return new ApplyResult(sent, "after-sync action '" + afterSync + "' failed: " + res.stderr().strip());
      default:
        throw failure(pod, res, "apply");
    }
  }

  /** The pod's files under the targets (container path → sha256), or null when the container has no sha256sum. */
  private Map<String, String> list(PodRef pod) throws IOException, InterruptedException {
    List<String> targets = sources.stream().map(SyncSource::to).toList();
    List<List<String>> prune = sources.stream().map(s -> s.ignore().pruneNames()).toList();
    PodExec.Result res = exec.exec(pod, RemoteScripts.listCommand(targets, prune), null, Duration.ofSeconds(120));
    if (res.exitCode() == RemoteScripts.NO_SHA256SUM) {
      return null;
    }
    if (res.exitCode() != 0) {
      throw failure(pod, res, "list");
    }
    return PodListing.parse(res.stdout());
  }

  private HostK8sException failure(PodRef pod, PodExec.Result res, String what) {
    String where = "container " + pod.container() + " of pod " + pod.namespace() + "/" + pod.name();
    String err = res.stderr().strip();
    if (res.exitCode() == RemoteScripts.NO_TAR || res.exitCode() == 126 || res.exitCode() == 127) {
      return HostK8sException.user(ErrorCode.SYNC_TAR_MISSING, "File sync needs 'sh' and 'tar' in the " + where + ", and "
          + (res.exitCode() == RemoteScripts.NO_TAR ? "there is no tar" : "it has no shell") + " (" + err + ").",
          "Add tar to the dev image (Debian/Ubuntu: apt-get install -y tar; Alpine: apk add --no-cache tar), or sync into a dev "
              + "image that has a shell and tar (e.g. Dockerfile.dev) instead of a distroless/scratch one.");
    }
    if (res.exitCode() == RemoteScripts.NOT_WRITABLE) {
      return HostK8sException.user(ErrorCode.SYNC_TARGET_NOT_WRITABLE, "The sync target is not writable in the " + where + ": " + err + ".",
          "Make the target directory writable for the container's user (chown it in the dev Dockerfile) or sync to another 'to'.");
    }
    return HostK8sException.user(ErrorCode.SYNC_APPLY_FAILED, "Sync " + what + " failed in the " + where + " (exit " + res.exitCode()
        + "): " + err, "Check the container has GNU or busybox tar with --no-same-owner and enough disk space; hostk8s-dev sync "
        + service + " --verbose shows each batch.");
  }

  private SyncStatus state(String state, String error) {
    return state(state, error, status.pod());
  }

  private SyncStatus state(String state, String error, String pod) {
    BatchReport r = lastReport;
    return new SyncStatus(state, stats.last(), stats.percentile(50), stats.percentile(95), batches.get(), r == null ? null : r.files(),
        r == null ? null : r.bytes(), lastServing, pod, error, serving.percentile(50), serving.percentile(95));
  }

  private void publish(SyncStatus s) {
    if (!s.equals(status)) {
      status = s;
      listener.onStatus(s);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String service() {
    return service;
  }

  public SyncStatus status() {
    return status;
  }

  public List<SyncSource> sources() {
    return sources;
  }

  /** The hash the pods are known to hold for a container path (any pod), or null. */
  public String podHash(String target) {
    for (Map<String, String> m : manifests.values()) {
      String h = m.get(target);
      if (h != null) {
        return h;
      }
    }
    return null;
  }

  /** Memory bound of a burst: most distinct paths pending at once, most entries in one plan. */
  public int maxPending() {
    return queue.maxPending();
  }

  public int maxPlanned() {
    return maxPlanned;
  }

  /** Watcher events seen so far. */
  public long events() {
    return queue.events();
  }

  public List<String> pods() {
    return new ArrayList<>(manifests.keySet());
  }

  @Override
  public void close() {
    closed = true;
    queue.close();
    ContextWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    worker.interrupt();
    ServingProbe p = probe;
    if (p != null) {
      p.close();
    }
    publish(new SyncStatus("off", status.lastLatencyMs(), status.p50Ms(), status.p95Ms(), status.batches(), status.lastFiles(),
        status.lastBytes(), status.lastServingMs(), null, null, status.servingP50Ms(), status.servingP95Ms()));
  }
}
