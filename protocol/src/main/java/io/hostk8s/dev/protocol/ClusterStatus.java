package io.hostk8s.dev.protocol;

/**
 * Cluster state: {@code unknown}, {@code stopped} (no kubeconfig / API not answering), {@code starting},
 * {@code running} (API answers, nodes ready) or {@code degraded} (with {@code reason}).
 */
public record ClusterStatus(String state, String name, String context, String server, String kubeconfig, int nodesReady, int nodesTotal, String reason) {
  public static ClusterStatus unknown(String name, String kubeconfig) {
    return new ClusterStatus("unknown", name, null, null, kubeconfig, 0, 0, null);
  }
}
