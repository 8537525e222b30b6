package io.hostk8s.dev.sync;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the pods to sync into, by selector, at send time: Running and not being deleted (not necessarily Ready —
 * syncing a fix into a pod whose readiness fails is the point). The container is the configured one, or the only one.
 */
public final class PodLocator implements PodFinder {
  private final Supplier<KubernetesClient> client;
  private final String namespace;
  private final Map<String, String> selector;
  private final String container;

  public PodLocator(Supplier<KubernetesClient> client, String namespace, Map<String, String> selector, String container) {
    this.client = client;
    this.namespace = namespace;
    this.selector = Map.copyOf(selector);
    this.container = container;
  }

  @Override
  public List<PodRef> find() {
    return refs(client.get().pods().inNamespace(namespace).withLabels(selector).list().getItems());
  }

  /** The running pods among {@code pods} (e.g. an informer's cache of the selector), oldest first. */
  public List<PodRef> refs(List<Pod> pods) {
    return pods.stream().filter(PodLocator::running)
        .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())))
        .map(p -> new PodRef(namespace, p.getMetadata().getName(), p.getMetadata().getUid(), containerOf(p)))
        .filter(r -> r.container() != null).toList();
  }

  static boolean running(Pod p) {
    return p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null && "Running".equals(p.getStatus().getPhase());
  }

  private String containerOf(Pod p) {
    List<Container> cs = p.getSpec().getContainers();
    if (cs.stream().anyMatch(c -> c.getName().equals(container))) {
      return container;
    }
    return cs.size() == 1 ? cs.get(0).getName() : null;
  }

  @Override
  public String describe() {
    return "running pods " + selector + " in namespace " + namespace;
  }

  public String namespace() {
    return namespace;
  }

  public Map<String, String> selector() {
    return selector;
  }
}
