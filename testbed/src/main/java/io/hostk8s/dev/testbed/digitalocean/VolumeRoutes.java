package io.hostk8s.dev.testbed.digitalocean;

import java.util.List;
import java.util.Optional;

/** {@code /v2/volumes}: list (name, region filters), get, delete by id or by name + region. */
final class VolumeRoutes {

  private final Account account;
  private final Pages pages;

  VolumeRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", "/v2/volumes", req -> {
      Optional<String> name = req.queryParam("name");
      Optional<String> region = req.queryParam("region");
      return ApiResponse.ok(pages.list(req, "volumes", account.locked(() -> account.volumes.values().stream()
          .filter(v -> name.map(v.name::equals).orElse(true)).filter(v -> region.map(v.region::equals).orElse(true))
          .map(Volume::toJson).toList())));
    })
        .add("DELETE", "/v2/volumes", req -> {
          String name = req.queryParam("name").orElseThrow(() -> ApiException.badRequest("name is required"));
          String region = req.queryParam("region").orElseThrow(() -> ApiException.badRequest("region is required"));
          account.locked(() -> {
            List<String> ids = account.volumes.values().stream()
                .filter(v -> v.name.equals(name) && v.region.equals(region)).map(v -> v.id).toList();
            if (ids.isEmpty()) {
              throw ApiException.notFound();
            }
            ids.forEach(account.volumes::remove);
          });
          return ApiResponse.noContent();
        })
        .add("GET", "/v2/volumes/{volume_id}", req -> ApiResponse.ok(Json.wrap("volume",
            account.locked(() -> find(req).toJson()))))
        .add("DELETE", "/v2/volumes/{volume_id}", req -> {
          account.locked(() -> account.volumes.remove(find(req).id));
          return ApiResponse.noContent();
        });
  }

  private Volume find(ApiRequest req) {
    return Optional.ofNullable(account.volumes.get(req.param("volume_id"))).orElseThrow(ApiException::notFound);
  }
}
