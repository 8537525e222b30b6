package io.hostk8s.dev.testbed.digitalocean;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST|DELETE /v2/kubernetes/registry} (the account's registry) and {@code /v2/kubernetes/registries}
 * (named ones): integrates clusters with registries; the running cluster gets or loses its pull secret.
 */
final class KubernetesRegistryRoutes {

  private final Account account;
  private final ClusterLifecycle lifecycle;

  KubernetesRegistryRoutes(Account account, ClusterLifecycle lifecycle) {
    this.account = account;
    this.lifecycle = lifecycle;
  }

  void register(Router r) {
    r.add("POST", "/v2/kubernetes/registry", req -> change(req, accountRegistries(), true))
        .add("DELETE", "/v2/kubernetes/registry", req -> change(req, accountRegistries(), false))
        .add("POST", "/v2/kubernetes/registries", req -> change(req, named(req), true))
        .add("DELETE", "/v2/kubernetes/registries", req -> change(req, named(req), false));
  }

  private List<String> accountRegistries() {
    return account.locked(() -> {
      if (account.registries.isEmpty()) {
        throw new ApiException(404, "not_found", "no registry found for this account");
      }
      return new ArrayList<>(account.registries.keySet());
    });
  }

  private List<String> named(ApiRequest req) {
    List<String> names = Json.textList(req.body(), "registries");
    if (names.isEmpty()) {
      return accountRegistries();
    }
    account.locked(() -> names.forEach(n -> {
      if (!account.registries.containsKey(n)) {
        throw new ApiException(404, "not_found", "registry " + n + " not found");
      }
    }));
    return names;
  }

  private ApiResponse change(ApiRequest req, List<String> registries, boolean add) {
    List<String> clusters = Json.textList(req.body(), "cluster_uuids");
    if (clusters.isEmpty()) {
      throw ApiException.unprocessable("validation error: cluster_uuids is required");
    }
    account.locked(() -> {
      clusters.forEach(account::cluster);
      for (String id : clusters) {
        if (add) {
          account.clusters.get(id).registries.addAll(registries);
        } else {
          account.clusters.get(id).registries.removeAll(registries);
        }
      }
    });
    clusters.forEach(lifecycle::syncRegistrySecrets);
    return ApiResponse.noContent();
  }
}
