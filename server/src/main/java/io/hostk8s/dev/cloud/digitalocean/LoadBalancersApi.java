package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import java.util.List;
import java.util.Optional;

/** {@code /v2/load_balancers}: read what the cluster made; delete only orphans we recorded. */
public final class LoadBalancersApi {
  private final DoApi api;

  LoadBalancersApi(DoApi api) {
    this.api = api;
  }

  public Optional<LoadBalancer> find(String id) {
    return NotFound.empty(() -> api.getOne("/v2/load_balancers/" + seg(id), DoScopes.LB_READ, "load_balancer",
        LoadBalancer.class));
  }

  public List<LoadBalancer> list() {
    return api.list("/v2/load_balancers", DoScopes.LB_READ, "load_balancers", LoadBalancer.class);
  }

  public void delete(String id) {
    api.delete("/v2/load_balancers/" + seg(id), DoScopes.LB_DELETE);
  }
}
