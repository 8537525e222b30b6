package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The read-mostly endpoints: {@code /v2/account}, {@code /v2/kubernetes/options}, {@code /v2/sizes},
 * {@code /v2/regions}, {@code /v2/1-clicks} (+ the Kubernetes install), {@code /v2/projects/default}.
 */
final class CatalogRoutes {

  private final Account account;
  private final Pages pages;
  private final String projectId = UUID.randomUUID().toString();
  private final Instant projectCreated = Instant.now();

  CatalogRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", "/v2/account", req -> ApiResponse.ok(Json.wrap("account", accountJson())))
        .add("GET", "/v2/kubernetes/options", req -> ApiResponse.ok(Json.wrap("options", kubernetesOptions())))
        .add("GET", "/v2/sizes", req -> ApiResponse.ok(pages.list(req, "sizes",
            Catalog.SIZES.stream().map(Catalog::sizeJson).toList())))
        .add("GET", "/v2/regions", req -> ApiResponse.ok(pages.list(req, "regions",
            Catalog.REGIONS.stream().map(Catalog::regionJson).toList())))
        .add("GET", "/v2/1-clicks", this::oneClicks)
        .add("POST", "/v2/1-clicks/kubernetes", this::installOneClicks)
        .add("GET", "/v2/projects/default", req -> ApiResponse.ok(Json.wrap("project", project())));
  }

  private ObjectNode accountJson() {
    ObjectNode o = Json.object().put("droplet_limit", account.dropletLimit).put("floating_ip_limit", 3)
        .put("email", "sammy@example.com").put("name", "Sammy the Shark").put("uuid", account.uuid)
        .put("email_verified", true).put("status", "active").put("status_message", "");
    o.set("team", Json.object().put("uuid", account.teamUuid).put("name", "My Team"));
    return o;
  }

  private static ObjectNode kubernetesOptions() {
    ObjectNode o = Json.object();
    o.set("regions", Json.array(Catalog.REGIONS.stream().filter(Catalog.Region::kubernetes)
        .map(r -> Json.object().put("name", r.name()).put("slug", r.slug())).toList()));
    o.set("versions", Json.array(Catalog.VERSIONS.stream().map(v -> {
      ObjectNode j = Json.object().put("slug", v.slug()).put("kubernetes_version", v.kubernetesVersion());
      j.set("supported_features", Json.strings(Catalog.VERSION_FEATURES));
      return j;
    }).toList()));
    o.set("sizes", Json.array(Catalog.KUBERNETES_SIZES.stream()
        .map(s -> Json.object().put("name", s).put("slug", s)).toList()));
    return o;
  }

  private ApiResponse oneClicks(ApiRequest req) {
    String type = req.queryParam("type").orElse(null);
    List<ObjectNode> apps = new ArrayList<>();
    if (type == null || "kubernetes".equals(type)) {
      Catalog.KUBERNETES_ONE_CLICKS.forEach(s -> apps.add(Json.object().put("slug", s).put("type", "kubernetes")));
    }
    if (type == null || "droplet".equals(type)) {
      Catalog.DROPLET_ONE_CLICKS.forEach(s -> apps.add(Json.object().put("slug", s).put("type", "droplet")));
    }
    return ApiResponse.ok(Json.wrap("1_clicks", Json.array(apps)));
  }

  private ApiResponse installOneClicks(ApiRequest req) {
    List<String> slugs = Json.textList(req.body(), "addon_slugs");
    String cluster = Json.requiredText(req.body(), "cluster_uuid");
    if (slugs.isEmpty() || !Catalog.KUBERNETES_ONE_CLICKS.containsAll(slugs)) {
      throw ApiException.unprocessable("validation error: unknown addon slug in " + slugs);
    }
    account.cluster(cluster);
    return ApiResponse.ok(Json.object().put("message", "Successfully kicked off addon job."));
  }

  private ObjectNode project() {
    return Json.object().put("id", projectId).put("owner_uuid", account.uuid).put("owner_id", 258992)
        .put("name", "first-project").put("description", "My default project")
        .put("purpose", "Just trying out DigitalOcean").put("environment", "Development")
        .put("created_at", Json.time(projectCreated)).put("updated_at", Json.time(projectCreated))
        .put("is_default", true);
  }
}
