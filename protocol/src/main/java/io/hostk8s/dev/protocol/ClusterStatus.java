package io.hostk8s.dev.protocol;

/**
 * Cluster state: {@code unknown}, {@code stopped} (no kubeconfig / API not answering), {@code starting},
 * {@code running} (API answers, nodes ready) or {@code degraded} (with {@code reason}). {@code target}: what the
 * kubeconfig points at — {@value #SANDBOX} (this workspace's sandbox test bed, whose kubeconfig is always
 * {@code .hostk8s/sandbox/kubeconfig}), {@value #DIGITALOCEAN} (the cluster publish made, through the kubeconfig it
 * fetched into {@code .hostk8s/publish/}: the workspace's target is the cloud) or {@value #CLUSTER} (a real cluster:
 * kind, HostK8s, any other); clients show or hide target-specific commands by it (Stop Cluster is not offered on the
 * sandbox; sync and debug are not offered on DigitalOcean).
 */
public record ClusterStatus(String state, String name, String context, String server, String kubeconfig, int nodesReady, int nodesTotal,
    String reason, String target) {
  public static final String SANDBOX = "sandbox";
  public static final String CLUSTER = "cluster";
  public static final String DIGITALOCEAN = "digitalocean";

  /** The target follows from the kubeconfig ({@link #targetOf}). */
  public ClusterStatus(String state, String name, String context, String server, String kubeconfig, int nodesReady, int nodesTotal, String reason) {
    this(state, name, context, server, kubeconfig, nodesReady, nodesTotal, reason, targetOf(kubeconfig));
  }

  public static ClusterStatus unknown(String name, String kubeconfig) {
    return new ClusterStatus("unknown", name, null, null, kubeconfig, 0, 0, null);
  }

  /**
   * {@value #SANDBOX} when {@code kubeconfig} is a workspace's sandbox kubeconfig ({@code …/.hostk8s/sandbox/kubeconfig}),
   * {@value #DIGITALOCEAN} when it is one publish fetched ({@code …/.hostk8s/publish/*.kubeconfig}), else {@value #CLUSTER}.
   */
  public static String targetOf(String kubeconfig) {
    String k = kubeconfig == null ? "" : kubeconfig.replace('\\', '/');
    if (k.endsWith("/.hostk8s/sandbox/kubeconfig")) {
      return SANDBOX;
    }
    return k.contains("/.hostk8s/publish/") && k.endsWith(".kubeconfig") ? DIGITALOCEAN : CLUSTER;
  }

  public boolean sandbox() {
    return SANDBOX.equals(target);
  }

  /** The published cluster on DigitalOcean (the workspace's target is the cloud). */
  public boolean cloud() {
    return DIGITALOCEAN.equals(target);
  }
}
