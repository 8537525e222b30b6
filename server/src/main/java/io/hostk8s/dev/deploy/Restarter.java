package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Restarts a service's pods the way {@code kubectl rollout restart} does: the Deployment's pod template gets a
 * {@code kubectl.kubernetes.io/restartedAt} annotation, so its controller replaces every pod. The service is a
 * configured one (its Deployment is the one whose pod labels its selector picks) or a Deployment of the app's
 * namespace by name (db, redis). Waits until every pod is a new one and ready.
 */
public final class Restarter {
  public static final String ANNOTATION = "kubectl.kubernetes.io/restartedAt";

  /** What a restart did: the service, its Deployment, the pods replaced and the ready new ones. */
  public record Restarted(String service, String deployment, List<String> oldPods, List<String> pods, boolean ready, String summary) {}

  private final KubernetesClient client;
  private final DevConfig config;

  public Restarter(KubernetesClient client, DevConfig config) {
    this.client = client;
    this.config = config;
  }

  public Restarted restart(String service, Duration timeout, Progress progress) throws InterruptedException {
    String ns = config.namespace();
    Deployment d = deploymentOf(service);
    Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
    Set<String> old = pods(ns, selector).stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    progress.report("restart: " + service + " (deployment " + d.getMetadata().getName() + ", " + old.size() + " pod(s))", 10);
    String at = Instant.now().toString();
    client.apps().deployments().inNamespace(ns).withName(d.getMetadata().getName()).edit(x -> {
      ObjectMeta meta = x.getSpec().getTemplate().getMetadata() == null ? new ObjectMeta() : x.getSpec().getTemplate().getMetadata();
      Map<String, String> annotations = meta.getAnnotations() == null ? new HashMap<>() : new HashMap<>(meta.getAnnotations());
      annotations.put(ANNOTATION, at);
      meta.setAnnotations(annotations);
      x.getSpec().getTemplate().setMetadata(meta);
      return x;
    });
    long end = System.nanoTime() + timeout.toNanos();
    List<Pod> now = List.of();
    while (System.nanoTime() < end) {
      progress.checkCancelled();
      now = pods(ns, selector).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
      boolean replaced = !now.isEmpty() && now.stream().noneMatch(p -> old.contains(p.getMetadata().getName()));
      if (replaced && now.stream().allMatch(Restarter::ready)) {
        List<String> names = now.stream().map(p -> p.getMetadata().getName()).sorted().toList();
        return new Restarted(service, d.getMetadata().getName(), sorted(old), names, true,
            service + " restarted: " + String.join(", ", names) + " ready");
      }
      Thread.sleep(200);
    }
    List<String> names = now.stream().map(p -> p.getMetadata().getName()).sorted().toList();
    return new Restarted(service, d.getMetadata().getName(), sorted(old), names, false,
        service + " restart requested; not ready after " + timeout.toSeconds() + " s (status keeps following)");
  }

  /** The Deployment of {@code service}; UNKNOWN_SERVICE naming the services there are. */
  Deployment deploymentOf(String service) {
    List<Deployment> all = client.apps().deployments().inNamespace(config.namespace()).list().getItems();
    ServiceConfig configured = config.services().get(service);
    for (Deployment d : all) {
      boolean match = configured != null
          ? Workloads.selects(configured.selector(), Workloads.podLabels(d)) : d.getMetadata().getName().equals(service);
      if (match) {
        return d;
      }
    }
    List<String> names = new ArrayList<>(config.services().keySet());
    all.stream().map(d -> d.getMetadata().getName()).filter(n -> !names.contains(n)).forEach(names::add);
    throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "': no Deployment of it in namespace "
        + config.namespace() + (names.isEmpty() ? " (nothing deployed)." : "; there are " + String.join(", ", names) + "."),
        names.isEmpty() ? "Deploy first (hostk8s-dev deploy), then restart." : "Name one of them, e.g. 'hostk8s-dev restart " + names.get(0) + "'.");
  }

  private List<Pod> pods(String ns, Map<String, String> selector) {
    return client.pods().inNamespace(ns).withLabels(selector).list().getItems();
  }

  private static boolean ready(Pod p) {
    List<PodCondition> conditions = p.getStatus() == null ? null : p.getStatus().getConditions();
    return conditions != null && conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
