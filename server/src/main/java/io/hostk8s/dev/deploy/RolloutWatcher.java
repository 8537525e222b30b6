package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.status.EventBus;
import io.hostk8s.dev.status.StatusStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Watches the rollout of the deployed targets with fabric8 informers (Deployments, Pods and Events of the
 * namespace) and keeps the StatusStore's service entries current (via {@link StatusPublisher}). Keeps running
 * after {@link #awaitReady} so status follows pod replacements; {@link #close()} stops the informers.
 */
public final class RolloutWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RolloutWatcher.class.getName());
  private final KubernetesClient client;
  private final String namespace;
  private final List<RolloutTarget> targets;
  private final StatusPublisher publisher;
  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
  private final Object changed = new Object();
  private SharedIndexInformer<Pod> pods;
  private SharedIndexInformer<Deployment> deployments;
  private SharedIndexInformer<Event> events;
  private volatile List<ServiceReadiness> current = List.of();
  private volatile boolean closed;

  public RolloutWatcher(KubernetesClient client, String namespace, List<RolloutTarget> targets, StatusStore status, EventBus bus) {
    this.client = client;
    this.namespace = namespace;
    this.targets = List.copyOf(targets);
    this.publisher = new StatusPublisher(status, bus);
  }

  /** Starts the informers (returns once their caches are filled) and publishes a first status. */
  public RolloutWatcher start() {
    ResourceEventHandler<HasMetadata> handler = new ResourceEventHandler<>() {
      @Override public void onAdd(HasMetadata o) { recompute(); }
      @Override public void onUpdate(HasMetadata o, HasMetadata n) { recompute(); }
      @Override public void onDelete(HasMetadata o, boolean unknown) { recompute(); }
    };
    deployments = client.apps().deployments().inNamespace(namespace).inform(cast(handler), 0);
    informers.add(deployments);
    pods = client.pods().inNamespace(namespace).inform(cast(handler), 0);
    informers.add(pods);
    try {
      events = client.v1().events().inNamespace(namespace).inform(cast(handler), 0);
      informers.add(events);
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "cannot watch events in " + namespace + " (reasons will come from pod status only): " + e.getMessage());
    }
    recompute();
    return this;
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> ResourceEventHandler<T> cast(ResourceEventHandler<HasMetadata> h) {
    return (ResourceEventHandler<T>) (ResourceEventHandler<?>) h;
  }

  /** The readiness of every target, as of the last informer event. */
  public List<ServiceReadiness> current() {
    return current;
  }

  synchronized void recompute() {
    if (closed || pods == null || deployments == null) {
      return;
    }
    try {
      List<Pod> allPods = pods.getStore().list();
      Map<String, Deployment> byName = deployments.getStore().list().stream()
          .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d, (a, b) -> a));
      List<Event> allEvents = events == null ? List.of() : events.getStore().list();
      List<ServiceReadiness> next = targets.stream()
          .map(t -> ReadinessCalculator.compute(t, allPods, Optional.ofNullable(t.deployment()).map(byName::get), allEvents))
          .toList();
      current = next;
      publisher.publish(next);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "rollout status computation failed", e);
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  /**
   * Waits until every target is ready; reports progress whenever the picture changes; cancellable. Fails with
   * ROLLOUT_NOT_READY naming each unready target and its reason when {@code timeout} passes.
   */
  public List<ServiceReadiness> awaitReady(Duration timeout, Progress progress, int percentage) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      List<ServiceReadiness> now = current;
      String line = now.stream().map(ServiceReadiness::summary).collect(Collectors.joining(", "));
      if (!line.equals(last)) {
        progress.report("rollout: " + line, percentage);
        last = line;
      }
      if (now.stream().allMatch(ServiceReadiness::ready)) {
        return now;
      }
      if (System.nanoTime() >= end) {
        throw notReady(now, timeout);
      }
      progress.checkCancelled();
      synchronized (changed) {
        changed.wait(250);
      }
    }
  }

  static HostK8sException notReady(List<ServiceReadiness> now, Duration timeout) {
    String unready = now.stream().filter(s -> !s.ready())
        .map(s -> s.name() + " (" + s.readyPods() + "/" + s.totalPods() + " ready: " + s.reason() + ")")
        .collect(Collectors.joining("; "));
    return HostK8sException.user(ErrorCode.ROLLOUT_NOT_READY,
        "Not ready after " + timeout.toSeconds() + " s: " + unready + ".",
        "Fix what each reason says (build and push the image: hostk8s-dev up; read the pod log), or wait longer (--timeout).");
  }

  @Override
  public void close() {
    closed = true;
    for (SharedIndexInformer<? extends HasMetadata> i : informers) {
      try {
        i.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing informer", e);
      }
    }
    informers.clear();
  }
}
