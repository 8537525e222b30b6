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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Watches the rollout of the deployed targets with fabric8 informers (Deployments, Pods and Events of the
 * namespace) and keeps the StatusStore's service entries current (via {@link StatusPublisher}). Keeps running
 * after {@link #awaitReady} so status follows pod replacements; {@link #close()} stops the informers. The
 * informer threads only compute (readiness, troubled containers); reading logs happens in awaitReady's thread.
 */
public final class RolloutWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RolloutWatcher.class.getName());
  static final Duration PULL_GRACE = Duration.ofSeconds(5);
  static final Duration LOG_TIMEOUT = Duration.ofSeconds(4);
  static final int CRASH_PREVIEW_LINES = 5;
  static final int FAILURE_LOG_LINES = 12;
  private final KubernetesClient client;
  private final String namespace;
  private final List<RolloutTarget> targets;
  private final StatusPublisher publisher;
  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
  private final Object changed = new Object();
  private SharedIndexInformer<Pod> pods;
  private SharedIndexInformer<Deployment> deployments;
  private SharedIndexInformer<Event> events;
  private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());
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
    return snapshot.services();
  }

  /** Readiness and the troubled containers of the targets' current revisions, computed together. */
  private record Snapshot(List<ServiceReadiness> services, List<ContainerProblem> problems) {}

  synchronized void recompute() {
    if (closed || pods == null || deployments == null) {
      return;
    }
    try {
      List<Pod> allPods = pods.getStore().list();
      Map<String, Deployment> byName = deployments.getStore().list().stream()
          .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d, (a, b) -> a));
      List<Event> allEvents = events == null ? List.of() : events.getStore().list();
      List<ServiceReadiness> next = new ArrayList<>();
      List<ContainerProblem> problems = new ArrayList<>();
      for (RolloutTarget t : targets) {
        Optional<Deployment> deployment = Optional.ofNullable(t.deployment()).map(byName::get);
        next.add(ReadinessCalculator.compute(t, allPods, deployment, allEvents));
        problems.addAll(FailingContainers.of(t, ReadinessCalculator.podsOf(t, allPods), deployment));
      }
      snapshot = new Snapshot(List.copyOf(next), List.copyOf(problems));
      publisher.publish(next);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "rollout status computation failed", e);
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  /**
   * Waits until every target is ready, cancellable. Reports a progress line when one service's state changes
   * ({@link RolloutProgress}; percentages from {@code fromPct} to {@code toPct}) and the last log lines of the
   * first crash of each service. Fails fast with ROLLOUT_FAILED when a container cannot start (see
   * {@link FailingContainers}), naming each failing service with its reason and log; with ROLLOUT_NOT_READY
   * naming each unready target and its reason when {@code timeout} passes.
   */
  public List<ServiceReadiness> awaitReady(Duration timeout, Progress progress, int fromPct, int toPct) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    RolloutProgress lines = new RolloutProgress(progress, fromPct, toPct, RolloutProgress.SETTLE, System::nanoTime);
    FailingContainers rules = new FailingContainers(PULL_GRACE);
    PodLogTail logs = new PodLogTail(client, namespace, LOG_TIMEOUT);
    while (true) {
      Snapshot now = snapshot;
      lines.update(now.services());
      if (now.services().stream().allMatch(ServiceReadiness::ready)) {
        lines.done(now.services());
        return now.services();
      }
      List<ContainerProblem> fatal = rules.fatal(now.problems(), System.nanoTime());
      if (!fatal.isEmpty()) {
        throw failed(fatal, lines, logs);
      }
      Set<String> unready = now.services().stream().filter(r -> !r.ready()).map(ServiceReadiness::name).collect(Collectors.toSet());
      showFirstCrashes(now.problems().stream().filter(p -> unready.contains(p.service())).toList(), lines, logs);
      if (System.nanoTime() >= end) {
        throw notReady(now.services(), timeout);
      }
      progress.checkCancelled();
      synchronized (changed) {
        changed.wait(250);
      }
    }
  }

  /** The first container of each (unready) service that ended and whose log was not shown yet. */
  private static List<ContainerProblem> firstCrashes(List<ContainerProblem> problems, RolloutProgress lines) {
    Map<String, ContainerProblem> first = new LinkedHashMap<>();
    problems.stream().filter(ContainerProblem::crashed).filter(p -> !lines.logShown(p.service()))
        .forEach(p -> first.putIfAbsent(p.service(), p));
    return List.copyOf(first.values());
  }

  private static void showFirstCrashes(List<ContainerProblem> problems, RolloutProgress lines, PodLogTail logs) throws InterruptedException {
    List<ContainerProblem> crashed = firstCrashes(problems, lines);
    if (!crashed.isEmpty()) {
      Map<String, List<String>> tails = logs.lastLines(crashed, CRASH_PREVIEW_LINES);
      crashed.forEach(p -> lines.crashLog(p, tails.getOrDefault(p.key(), List.of())));
    }
  }

  private HostK8sException failed(List<ContainerProblem> fatal, RolloutProgress lines, PodLogTail logs) throws InterruptedException {
    Map<String, ContainerProblem> firstPerService = new LinkedHashMap<>();
    fatal.stream().filter(ContainerProblem::crashed).forEach(p -> firstPerService.putIfAbsent(p.service(), p));
    List<ContainerProblem> crashed = List.copyOf(firstPerService.values());
    Map<String, List<String>> tails = crashed.isEmpty() ? Map.of() : logs.lastLines(crashed, FAILURE_LOG_LINES);
    for (ContainerProblem p : crashed) {
      List<String> tail = tails.getOrDefault(p.key(), List.of());
      lines.crashLog(p, tail.subList(Math.max(0, tail.size() - CRASH_PREVIEW_LINES), tail.size()));
    }
    return RolloutFailure.of(fatal, tails, namespace);
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
