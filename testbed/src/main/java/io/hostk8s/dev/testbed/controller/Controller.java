package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.image.ImagePuller;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import io.hostk8s.dev.testbed.kubelet.PrivateArea;
import io.hostk8s.dev.testbed.net.ServiceProxy;
import io.hostk8s.dev.testbed.net.ServiceTable;
import io.hostk8s.dev.testbed.recipes.Recipes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The control loop (one thread): Services → kube-proxy relays, Deployments → pods, pods → local processes and
 * status. It runs on every watch event, every {@value #TICK_MS} ms while a pod is starting or restarting, and
 * every {@value #IDLE_MS} ms otherwise.
 */
public final class Controller implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Controller.class.getName());
  private static final long TICK_MS = 200;
  private static final long IDLE_MS = 2000;

  private final KubernetesClient client;
  private final PodRuntimes runtimes;
  private final ServiceProxy proxy;
  private final ServiceTable serviceTable;
  private final Kubelet kubelet;
  private final DeploymentReconciler deployments;
  private final Thread loop;
  private final Wakeups wakeups;
  private volatile boolean running = true;

  public Controller(KubernetesClient client, PodRuntimes runtimes, Recipes recipes, Path workspace, Path podsDir,
      PrivateArea privateArea, Optional<ImagePuller> images) {
    this.client = client;
    this.runtimes = runtimes;
    this.proxy = new ServiceProxy(this::pickBackend);
    this.serviceTable = new ServiceTable(podsDir.getParent());
    this.kubelet = new Kubelet(client, runtimes,
        new PodLauncher(client, recipes, proxy, workspace, podsDir, privateArea, images), privateArea);
    this.deployments = new DeploymentReconciler(client, kubelet::ready);
    SandboxNode.register(client);
    this.wakeups = new Wakeups(client);
    loop = new Thread(this::run, "sandbox-controller");
    loop.setDaemon(true);
    loop.start();
  }

  private void run() {
    while (running) {
      try {
        tick();
      } catch (RuntimeException e) {
        if (running) {
          LOG.log(Level.FINE, "control loop tick failed", e);
        }
      }
      try {
        wakeups.ensureWatching();
        wakeups.await(kubelet.busy() ? TICK_MS : IDLE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void tick() {
    Set<String> added = proxy.sync(client.services().inAnyNamespace().list().getItems());
    serviceTable.publish(proxy.snapshot());
    if (!added.isEmpty()) {
      kubelet.relaunchWaitingFor(added);
    }
    List<Deployment> deps = client.apps().deployments().inAnyNamespace().list().getItems();
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    collectOrphans(deps, pods);
    kubelet.sync(pods);
    deployments.reconcile(deps, client.pods().inAnyNamespace().list().getItems());
  }

  private void collectOrphans(List<Deployment> deps, List<Pod> pods) {
    Set<String> uids = deps.stream().map(d -> d.getMetadata().getUid()).collect(Collectors.toSet());
    for (Pod p : pods) {
      boolean orphan = p.getMetadata().getOwnerReferences().stream()
          .anyMatch(o -> "Deployment".equals(o.getKind()) && !uids.contains(o.getUid()));
      if (orphan) {
        client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
      }
    }
  }

  private Integer pickBackend(Service svc, ServicePort port) {
    Map<String, String> selector = svc.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return null;
    }
    List<Integer> candidates = new ArrayList<>();
    for (Pod p : kubelet.livePods()) {
      Map<String, String> labels = p.getMetadata().getLabels();
      if (!svc.getMetadata().getNamespace().equals(p.getMetadata().getNamespace()) || labels == null
          || !labels.entrySet().containsAll(selector.entrySet()) || !kubelet.ready(p)) {
        continue;
      }
      Integer containerPort = targetPort(p, port);
      runtimes.get(p.getMetadata().getNamespace(), p.getMetadata().getName())
          .map(r -> containerPort == null ? null : r.localPort(containerPort)).ifPresent(candidates::add);
    }
    return candidates.isEmpty() ? null : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }

  private static Integer targetPort(Pod p, ServicePort port) {
    IntOrString t = port.getTargetPort();
    if (t == null || (t.getIntVal() == null && t.getStrVal() == null)) {
      return port.getPort();
    }
    if (t.getIntVal() != null) {
      return t.getIntVal();
    }
    return p.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
        .filter(cp -> t.getStrVal().equals(cp.getName())).map(cp -> cp.getContainerPort()).findFirst()
        .orElse(null);
  }

  /** The kube-proxy, for tests that want a Service's local port. */
  public ServiceProxy services() {
    return proxy;
  }

  /** The runtime of a pod, if it runs. */
  public java.util.Optional<PodRuntime> runtime(String ns, String name) {
    return runtimes.get(ns, name);
  }

  @Override
  public void close() {
    running = false;
    wakeups.close();
    loop.interrupt();
    try {
      loop.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kubelet.close();
    proxy.close();
  }
}
