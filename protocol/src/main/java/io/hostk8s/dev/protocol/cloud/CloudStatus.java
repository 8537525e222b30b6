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
 * @param url            the published app ({@code https://<host>/vote/}), once the app part ran
 * @param loadBalancerIp the load balancer's IP
 * @param httpsOk        the last HTTPS check of /vote/ and /result/ through the load balancer answered 200
 */
public record CloudStatus(String provider, String state, String cluster, String clusterId, String region, String message,
    String registry, Boolean registryIntegrated, String kubeconfig, Double monthlyUsd, String lastError,
    String updatedAt, String url, String loadBalancerIp, Boolean httpsOk) {

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
        monthlyUsd, e, updatedAt, url, loadBalancerIp, httpsOk);
  }

  public CloudStatus withApp(String appUrl, String ip, Boolean https) {
    return new CloudStatus(provider, state, cluster, clusterId, region, message, registry, registryIntegrated, kubeconfig,
        monthlyUsd, lastError, updatedAt, appUrl, ip, https);
  }
}
