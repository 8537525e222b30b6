package io.hostk8s.dev.testbed.digitalocean;

/** The legacy single-registry API {@code /v2/registry*} (404 with no registry, 412 with several). */
final class LegacyRegistryRoutes {

  private static final String BASE = "/v2/registry";

  private final Account account;
  private final Registries registries;

  LegacyRegistryRoutes(Account account, Registries registries) {
    this.account = account;
    this.registries = registries;
  }

  void register(Router r) {
    r.add("GET", BASE, req -> {
      Registry g = registries.single();
      return ApiResponse.ok(Json.wrap("registry", account.locked(() -> g.toJson(registries.subscriptionJson()))));
    })
        .add("POST", BASE, req -> ApiResponse.created(Json.wrap("registry", registries.create(req.body(), null))))
        .add("DELETE", BASE, req -> {
          registries.delete(registries.single().name);
          return ApiResponse.noContent();
        })
        .add("GET", BASE + "/options", req -> ApiResponse.ok(registries.options()))
        .add("GET", BASE + "/subscription", req -> ApiResponse.ok(Json.wrap("subscription",
            account.locked(registries::subscriptionJson))))
        .add("POST", BASE + "/subscription", req -> ApiResponse.ok(registries.updateSubscription(req.body())))
        .add("GET", BASE + "/docker-credentials", req -> {
          registries.single();
          req.queryParam("expiry_seconds").ifPresent(LegacyRegistryRoutes::checkExpiry);
          return ApiResponse.ok(registries.dockerCredentials());
        })
        .add("POST", BASE + "/validate-name", req -> {
          String name = Registries.validName(req.body());
          account.locked(() -> registries.checkFree(name));
          return ApiResponse.noContent();
        });
  }

  private static void checkExpiry(String value) {
    try {
      if (Long.parseLong(value) < 0) {
        throw ApiException.badRequest("expiry_seconds must not be negative");
      }
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("expiry_seconds must be an integer");
    }
  }
}
