package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.kubelet.PodFiles;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import io.hostk8s.dev.testbed.kubelet.PrivateArea;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The kubelet stand-in: runs one local process per pod, restarts it when it exits, reports pod status. */
final class Kubelet {

  private static final Logger LOG = Logger.getLogger(Kubelet.class.getName());

  private final KubernetesClient client;
  private final PodRuntimes runtimes;
  private final PodLauncher launcher;
  private final PrivateArea privateArea;
  private final Map<String, ContainerRecord> records = new ConcurrentHashMap<>();
  private final Map<String, Pod> livePods = new ConcurrentHashMap<>();
  private final ExecutorService stopper = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "kubelet-stop");
    t.setDaemon(true);
    return t;
  });

  Kubelet(KubernetesClient client, PodRuntimes runtimes, PodLauncher launcher, PrivateArea privateArea) {
    this.client = client;
    this.runtimes = runtimes;
    this.launcher = launcher;
    this.privateArea = privateArea;
  }

  void sync(List<Pod> pods) {
    Map<String, Pod> live = new ConcurrentHashMap<>();
    for (Pod p : pods) {
      if (p.getMetadata().getDeletionTimestamp() == null) {
        live.put(p.getMetadata().getUid(), p);
      }
    }
    for (PodRuntime rt : runtimes.all()) {
      if (!live.containsKey(rt.uid())) {
        runtimes.remove(rt);
        records.remove(rt.uid());
        stopper.submit(() -> {
          rt.stop();
          PodFiles.deleteTree(rt.logFile().getParent());
          privateArea.release(rt.uid());
        });
      }
    }
    for (String uid : List.copyOf(records.keySet())) { // never started (e.g. unmet requirements)
      if (!live.containsKey(uid) && records.remove(uid) != null) {
        stopper.submit(() -> privateArea.release(uid));
      }
    }
    livePods.keySet().retainAll(live.keySet());
    livePods.putAll(live);
    for (Pod p : live.values()) {
      String uid = p.getMetadata().getUid();
      ContainerRecord rec = records.computeIfAbsent(uid, u -> new ContainerRecord());
      PodRuntime rt = runtimes.get(p.getMetadata().getNamespace(), p.getMetadata().getName())
          .filter(r -> r.uid().equals(uid)).orElse(null);
      if (rt == null && (rec.waitingReason == null || recheckDue(rec))) {
        rt = launcher.launch(p, rec);
        if (rt != null) {
          runtimes.put(rt);
        }
      } else if (rt != null) {
        tick(p, rt, rec);
      }
      report(p, rt, rec);
    }
  }

  private static boolean recheckDue(ContainerRecord rec) {
    return (PodLauncher.CONFIG_ERROR.equals(rec.waitingReason)
        || ClaimMounts.PENDING_REASON.equals(rec.waitingReason) || ImageSeeds.PULL_FAILED.equals(rec.waitingReason))
        && rec.recheckAt != null
        && !Instant.now().isBefore(rec.recheckAt);
  }

  private void tick(Pod pod, PodRuntime rt, ContainerRecord rec) {
    Instant now = Instant.now();
    if (rt.alive()) {
      if (!rec.ready && rt.ready()) {
        rec.ready = true;
        LOG.info(() -> "pod " + rt.namespace() + "/" + rt.name() + " is ready");
      }
    } else if (rec.restartAt == null && !rec.finished) {
      rec.ready = false;
      rec.lastExit = rt.exitCode();
      rec.lastFinished = now;
      String policy = pod.getSpec().getRestartPolicy();
      boolean restart = !"Never".equals(policy) && !("OnFailure".equals(policy) && rec.lastExit == 0);
      if (restart) {
        rec.restarts++;
        long backoff = Math.min(10_000, 500L << Math.min(rec.restarts - 1, 5));
        rec.restartAt = now.plusMillis(backoff);
        rec.waitingReason = "CrashLoopBackOff";
        rec.waitingMessage = "back-off " + backoff + "ms restarting failed container (exit code "
            + rec.lastExit + "); see the pod log";
      } else {
        rec.finished = true;
      }
    } else if (rec.restartAt != null && now.isAfter(rec.restartAt)) {
      rec.restartAt = null;
      rec.waitingReason = null;
      rec.waitingMessage = null;
      try {
        rt.start();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "restart of " + rt.name() + " failed", e);
      }
    }
  }

  private void report(Pod pod, PodRuntime rt, ContainerRecord rec) {
    PodStatus status = PodStatuses.of(pod, rt, rec);
    if (status.equals(rec.written)) {
      return;
    }
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
          .editStatus(p -> {
            p.setStatus(status);
            return p;
          });
      rec.written = status;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "status update of " + pod.getMetadata().getName() + " failed", e);
    }
  }

  /** True while some pod is starting, not yet ready or waiting to restart: the loop then ticks fast. */
  boolean busy() {
    return records.values().stream().anyMatch(r -> !r.finished && (!r.ready || r.restartAt != null)
        && !"ErrImageNeverPull".equals(r.waitingReason) && !"CreateContainerError".equals(r.waitingReason)
        && !PodLauncher.CONFIG_ERROR.equals(r.waitingReason) && !ImageSeeds.PULL_FAILED.equals(r.waitingReason));
  }

  boolean ready(Pod p) {
    ContainerRecord rec = records.get(p.getMetadata().getUid());
    return rec != null && rec.ready;
  }

  Iterable<Pod> livePods() {
    return new ArrayList<>(livePods.values());
  }

  /** Relaunches pods whose environment named a Service that did not exist yet when they started. */
  void relaunchWaitingFor(Set<String> addedServiceKeys) {
    for (PodRuntime rt : runtimes.all()) {
      boolean affected = rt.unresolvedHosts().stream().anyMatch(h -> addedServiceKeys.contains(
          h.contains(".") ? h.split("\\.")[1] + "/" + h.split("\\.")[0] : rt.namespace() + "/" + h));
      if (affected) {
        LOG.info(() -> "relaunching " + rt.name() + ": a Service it names appeared");
        runtimes.remove(rt);
        records.remove(rt.uid());
        rt.stop();
      }
    }
  }

  void close() {
    List<Future<?>> stops = new ArrayList<>();
    for (PodRuntime rt : runtimes.all()) {
      runtimes.remove(rt);
      stops.add(stopper.submit(rt::stop));
    }
    for (Future<?> f : stops) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "stopping a pod failed", e);
      }
    }
    stopper.shutdown();
    try {
      stopper.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
