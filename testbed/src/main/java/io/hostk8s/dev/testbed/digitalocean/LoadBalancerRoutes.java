package io.hostk8s.dev.testbed.digitalocean;

import java.util.Optional;

/** {@code /v2/load_balancers}: list, get, delete (the CCM stand-in creates them through {@link Account}). */
final class LoadBalancerRoutes {

  private final Account account;
  private final Pages pages;

  LoadBalancerRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", "/v2/load_balancers", req -> ApiResponse.ok(pages.list(req, "load_balancers",
            account.locked(() -> account.loadBalancers.values().stream().map(LoadBalancer::toJson).toList()))))
        .add("GET", "/v2/load_balancers/{lb_id}", req -> ApiResponse.ok(Json.wrap("load_balancer",
            account.locked(() -> find(req).toJson()))))
        .add("DELETE", "/v2/load_balancers/{lb_id}", req -> {
          account.locked(() -> account.loadBalancers.remove(find(req).id));
          return ApiResponse.noContent();
        });
  }

  private LoadBalancer find(ApiRequest req) {
    return Optional.ofNullable(account.loadBalancers.get(req.param("lb_id"))).orElseThrow(ApiException::notFound);
  }
}
