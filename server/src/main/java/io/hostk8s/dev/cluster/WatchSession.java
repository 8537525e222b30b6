package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One connection of the watcher: a client and informers on nodes and on the pods of one namespace. */
final class WatchSession implements AutoCloseable {
  final Path kubeconfig;
  final long kubeconfigModified;
  final String namespace;
  final KubernetesClient client;
  private SharedIndexInformer<Node> nodes;
  private SharedIndexInformer<Pod> pods;

  WatchSession(Path kubeconfig, long kubeconfigModified, String namespace, KubernetesClient client) {
    this.kubeconfig = kubeconfig;
    this.kubeconfigModified = kubeconfigModified;
    this.namespace = namespace;
    this.client = client;
  }

  /** Lists once (fails fast when the API is gone), then starts both informers and waits for their first sync. */
  void start(Runnable onChange, long syncTimeoutMs) throws Exception {
    client.nodes().list(new ListOptionsBuilder().withLimit(1L).build());
    nodes = client.nodes().runnableInformer(0);
    nodes.addEventHandler(handler(onChange));
    pods = client.pods().inNamespace(namespace).runnableInformer(0);
    pods.addEventHandler(handler(onChange));
    nodes.start().toCompletableFuture().get(syncTimeoutMs, TimeUnit.MILLISECONDS);
    pods.start().toCompletableFuture().get(syncTimeoutMs, TimeUnit.MILLISECONDS);
  }

  List<Node> nodes() {
    return nodes.getStore().list();
  }

  List<Pod> pods() {
    return pods.getStore().list();
  }

  String context() {
    var c = client.getConfiguration().getCurrentContext();
    return c == null ? null : c.getName();
  }

  String server() {
    return client.getConfiguration().getMasterUrl();
  }

  /** The API answers a cheap list right now (throws otherwise), and both informers still watch. */
  boolean healthy() {
    client.nodes().list(new ListOptionsBuilder().withLimit(1L).build());
    return nodes.isWatching() && pods.isWatching();
  }

  private static <T> ResourceEventHandler<T> handler(Runnable onChange) {
    return new ResourceEventHandler<>() {
      @Override public void onAdd(T obj) { onChange.run(); }
      @Override public void onUpdate(T oldObj, T newObj) { onChange.run(); }
      @Override public void onDelete(T obj, boolean deletedFinalStateUnknown) { onChange.run(); }
    };
  }

  @Override
  public void close() {
    if (nodes != null) {
      nodes.close();
    }
    if (pods != null) {
      pods.close();
    }
    client.close();
  }
}
