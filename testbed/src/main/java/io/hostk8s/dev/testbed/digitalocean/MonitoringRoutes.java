package io.hostk8s.dev.testbed.digitalocean;

import java.util.Optional;

/** {@code /v2/monitoring/alerts}: alert policies — list, create, get, update, delete. */
final class MonitoringRoutes {
  private final Account account;
  private final Pages pages;

  MonitoringRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", "/v2/monitoring/alerts", req -> ApiResponse.ok(pages.list(req, "policies",
        account.locked(() -> account.alertPolicies.values().stream().map(AlertPolicy::toJson).toList()))))
        .add("POST", "/v2/monitoring/alerts", req -> {
          AlertPolicy p = new AlertPolicy(req.body());
          account.locked(() -> {
            account.alertPolicies.put(p.uuid, p);
          });
          return ApiResponse.ok(Json.wrap("policy", account.locked(p::toJson)));
        })
        .add("GET", "/v2/monitoring/alerts/{alert_uuid}", req -> ApiResponse.ok(Json.wrap("policy",
            account.locked(() -> find(req).toJson()))))
        .add("PUT", "/v2/monitoring/alerts/{alert_uuid}", req -> ApiResponse.ok(Json.wrap("policy",
            account.locked(() -> {
              AlertPolicy p = find(req);
              p.update(req.body());
              return p.toJson();
            }))))
        .add("DELETE", "/v2/monitoring/alerts/{alert_uuid}", req -> {
          account.locked(() -> account.alertPolicies.remove(find(req).uuid));
          return ApiResponse.noContent();
        });
  }

  private AlertPolicy find(ApiRequest req) {
    return Optional.ofNullable(account.alertPolicies.get(req.param("alert_uuid"))).orElseThrow(ApiException::notFound);
  }
}
