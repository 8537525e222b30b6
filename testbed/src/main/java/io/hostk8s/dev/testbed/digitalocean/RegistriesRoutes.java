package io.hostk8s.dev.testbed.digitalocean;

/** {@code /v2/registries*}: the multi-registry API. */
final class RegistriesRoutes {

  private static final String BASE = "/v2/registries";

  private final Account account;
  private final Registries registries;

  RegistriesRoutes(Account account, Registries registries) {
    this.account = account;
    this.registries = registries;
  }

  void register(Router r) {
    r.add("GET", BASE, req -> ApiResponse.ok(Json.wrap("registries", account.locked(() -> Json.array(
            account.registries.values().stream().map(g -> g.toJson(registries.subscriptionJson())).toList())))))
        .add("POST", BASE, req -> ApiResponse.created(Json.wrap("registry", registries.create(req.body(), "basic"))))
        .add("GET", BASE + "/subscription", req -> ApiResponse.ok(Json.wrap("subscription",
            account.locked(registries::subscriptionJson))))
        .add("POST", BASE + "/subscription", req -> ApiResponse.ok(registries.updateSubscription(req.body())))
        .add("GET", BASE + "/options", req -> ApiResponse.ok(registries.options()))
        .add("POST", BASE + "/validate-name", req -> {
          String name = Registries.validName(req.body());
          account.locked(() -> registries.checkFree(name));
          return ApiResponse.noContent();
        })
        .add("GET", BASE + "/{registry_name}", req -> {
          Registry g = registries.get(req.param("registry_name"));
          return ApiResponse.ok(Json.wrap("registry", account.locked(() -> g.toJson(registries.subscriptionJson()))));
        })
        .add("DELETE", BASE + "/{registry_name}", req -> {
          registries.delete(req.param("registry_name"));
          return ApiResponse.noContent();
        })
        .add("GET", BASE + "/{registry_name}/docker-credentials", req -> {
          registries.get(req.param("registry_name"));
          return ApiResponse.ok(registries.dockerCredentials());
        });
  }
}
