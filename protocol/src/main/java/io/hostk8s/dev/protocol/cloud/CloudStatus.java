package io.hostk8s.dev.protocol.cloud;

/**
 * The {@code cloud} section of the status snapshot: what publish created on DigitalOcean, as last seen.
 *
 * @param provider       {@code digitalocean}
 * @param state          {@code none} (nothing published), {@code provisioning}, {@code running}, {@code degraded},
 *                       {@code error}, {@code deleting}, {@code deleted}
 * @param cluster        the DOKS cluster's name
 * @param clusterId      its id
 * @param region         its region
 * @param message        DigitalOcean's status message for it
 * @param registry       the container registry's name
 * @param registryIntegrated the cluster may pull from the registry
 * @param kubeconfig     our kubeconfig for the cluster (a 0600 file under .hostk8s/, never ~/.kube/config)
 * @param monthlyUsd     the plan's monthly estimate for what exists
 * @param lastError      the last publish error (message only; never a secret)
 * @param updatedAt      ISO-8601 time of this reading
 * @param nodesReady     the cluster's nodes that are Ready (null: not checked)
 * @param nodesTotal     the cluster's nodes
 * @param app            the published app (null before publish's app part ran)
 */
public record CloudStatus(String provider, String state, String cluster, String clusterId, String region, String message,
    String registry, Boolean registryIntegrated, String kubeconfig, Double monthlyUsd, String lastError,
    String updatedAt, Integer nodesReady, Integer nodesTotal, CloudApp app) {

  public CloudStatus(String provider, String state, String cluster, String clusterId, String region, String message,
      String registry, Boolean registryIntegrated, String kubeconfig, Double monthlyUsd, String lastError,
      String updatedAt) {
    this(provider, state, cluster, clusterId, region, message, registry, registryIntegrated, kubeconfig, monthlyUsd,
        lastError, updatedAt, null, null, null);
  }

  public static CloudStatus none() {
    return new CloudStatus("digitalocean", "none", null, null, null, null, null, null, null, null, null, null);
  }

  public CloudStatus withLastError(String e) {
    return new CloudStatus(provider, state, cluster, clusterId, region, message, registry, registryIntegrated, kubeconfig,
        monthlyUsd, e, updatedAt, nodesReady, nodesTotal, app);
  }

  public CloudStatus withApp(CloudApp a) {
    return new CloudStatus(provider, state, cluster, clusterId, region, message, registry, registryIntegrated, kubeconfig,
        monthlyUsd, lastError, updatedAt, nodesReady, nodesTotal, a);
  }

  public CloudStatus withNodes(Integer ready, Integer total) {
    return new CloudStatus(provider, state, cluster, clusterId, region, message, registry, registryIntegrated, kubeconfig,
        monthlyUsd, lastError, updatedAt, ready, total, app);
  }
}
