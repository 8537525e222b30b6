package io.hostk8s.dev.cloud.publish;

/**
 * What publish created or adopted on DigitalOcean, so apply resumes, status reads and teardown removes exactly
 * that. Written after every step (a Ctrl-C loses nothing). Holds ids and names only, never a secret.
 *
 * @param clusterCreated   we created the cluster (teardown deletes it); false: it existed and is only used
 * @param registryCreated  we created the registry (teardown deletes it); false: the account's own, left alone
 * @param registryIntegrated we enabled the cluster's pull access to the registry
 * @param kubeconfig       our kubeconfig for the cluster (a 0600 file under .hostk8s/publish)
 * @param app              the app part: load balancer, DNS, volume, images (null before it ran)
 */
public record PublishState(int schema, String apiUrl, String clusterId, String clusterName, String region,
    boolean clusterCreated, String registryName, String registryRegion, boolean registryCreated,
    boolean registryIntegrated, String kubeconfig, Double monthlyUsd, String createdAt, String updatedAt, AppState app) {

  public static final int SCHEMA = 1;

  public static PublishState empty(String apiUrl) {
    return new PublishState(SCHEMA, apiUrl, null, null, null, false, null, null, false, false, null, null, null, null, null);
  }

  public PublishState withCluster(String id, String name, String region, boolean created) {
    return new PublishState(schema, apiUrl, id, name, region, created, registryName, registryRegion, registryCreated,
        registryIntegrated, kubeconfig, monthlyUsd, createdAt, updatedAt, app);
  }

  public PublishState withRegistry(String name, String region, boolean created) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, this.region, clusterCreated, name, region, created,
        registryIntegrated, kubeconfig, monthlyUsd, createdAt, updatedAt, app);
  }

  public PublishState withRegistryIntegrated(boolean integrated) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, region, clusterCreated, registryName, registryRegion,
        registryCreated, integrated, kubeconfig, monthlyUsd, createdAt, updatedAt, app);
  }

  public PublishState withKubeconfig(String path) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, region, clusterCreated, registryName, registryRegion,
        registryCreated, registryIntegrated, path, monthlyUsd, createdAt, updatedAt, app);
  }

  public PublishState withMonthlyUsd(Double usd) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, region, clusterCreated, registryName, registryRegion,
        registryCreated, registryIntegrated, kubeconfig, usd, createdAt, updatedAt, app);
  }

  public PublishState stamped(String now) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, region, clusterCreated, registryName, registryRegion,
        registryCreated, registryIntegrated, kubeconfig, monthlyUsd, createdAt == null ? now : createdAt, now, app);
  }

  public PublishState withApp(AppState a) {
    return new PublishState(schema, apiUrl, clusterId, clusterName, region, clusterCreated, registryName, registryRegion,
        registryCreated, registryIntegrated, kubeconfig, monthlyUsd, createdAt, updatedAt, a);
  }

  /** The app part, or an empty one. */
  public AppState appOrEmpty() {
    return app == null ? AppState.empty() : app;
  }

  /** Nothing recorded: no cluster, no registry. */
  public boolean isEmpty() {
    return clusterId == null && registryName == null;
  }
}
