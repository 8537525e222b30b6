package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/kubernetes}: DOKS clusters, their node pools, kubeconfig, leftovers and the registry integration. */
public final class KubernetesApi {
  private static final String CLUSTERS = "/v2/kubernetes/clusters";
  private final DoApi api;

  KubernetesApi(DoApi api) {
    this.api = api;
  }

  /** The regions, versions and sizes DOKS offers. */
  public KubernetesOptions options() {
    return api.getOne("/v2/kubernetes/options", DoScopes.K8S_READ, "options", KubernetesOptions.class);
  }

  /** Every cluster of the account (all pages; DigitalOcean has no name filter). */
  public List<Cluster> listClusters() {
    return api.list(CLUSTERS, DoScopes.K8S_READ, "kubernetes_clusters", Cluster.class);
  }

  /** The cluster; {@code CLOUD_NOT_FOUND} when it does not exist. */
  public Cluster getCluster(String id) {
    return api.getOne(CLUSTERS + "/" + seg(id), DoScopes.K8S_READ, "kubernetes_cluster", Cluster.class);
  }

  /** The cluster, or empty when DigitalOcean answers 404. */
  public Optional<Cluster> findCluster(String id) {
    try {
      return Optional.ofNullable(getCluster(id));
    } catch (HostK8sException e) {
      if (e.code() == ErrorCode.CLOUD_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Starts creating a cluster (state {@code provisioning}); poll {@link #getCluster} until {@code running}. Never retried. */
  public Cluster createCluster(CreateClusterRequest request) {
    return api.postOne(CLUSTERS, DoScopes.K8S_CREATE, request, "kubernetes_cluster", Cluster.class);
  }

  /** Deletes the cluster only; its load balancers and volumes stay (see {@link #destroySelective}). */
  public void deleteCluster(String id) {
    api.delete(CLUSTERS + "/" + seg(id), DoScopes.K8S_DELETE);
  }

  /**
   * The cluster's kubeconfig (YAML with a token valid {@code expirySeconds}; 0 = DigitalOcean's default of 7 days).
   * A secret: keep it in memory or a 0600 file, never log it.
   */
  public String kubeconfig(String id, long expirySeconds) {
    return api.getText(CLUSTERS + "/" + seg(id) + "/kubeconfig?expiry_seconds=" + Math.max(0, expirySeconds),
        DoScopes.K8S_ACCESS);
  }

  /** The cluster's node pools with their nodes. */
  public List<NodePool> nodePools(String id) {
    return api.getAll(CLUSTERS + "/" + seg(id) + "/node_pools", DoScopes.K8S_READ, "node_pools", NodePool.class);
  }

  /** The load balancers, volumes and volume snapshots that would outlive the cluster. */
  public AssociatedResources associatedResources(String id) {
    return api.get(CLUSTERS + "/" + seg(id) + "/destroy_with_associated_resources", DoScopes.K8S_READ,
        AssociatedResources.class);
  }

  /** Deletes the cluster together with the named associated resources. */
  public void destroySelective(String id, AssociatedResourceIds resources) {
    api.delete(CLUSTERS + "/" + seg(id) + "/destroy_with_associated_resources/selective", DoScopes.K8S_DELETE,
        resources);
  }

  /** Integrates the account's registry with the clusters (DigitalOcean adds a pull secret to them). */
  public void addRegistry(List<String> clusterIds) {
    api.post("/v2/kubernetes/registry", DoScopes.K8S_ADD_REGISTRY, Map.of("cluster_uuids", clusterIds), null);
  }

  /** Removes the registry integration from the clusters. */
  public void removeRegistry(List<String> clusterIds) {
    api.delete("/v2/kubernetes/registry", DoScopes.K8S_UPDATE, Map.of("cluster_uuids", clusterIds));
  }

  /** DigitalOcean's status messages about the cluster (e.g. why provisioning takes long). */
  public List<StatusMessage> statusMessages(String id) {
    return api.getAll(CLUSTERS + "/" + seg(id) + "/status_messages", DoScopes.K8S_READ, "messages", StatusMessage.class);
  }
}
