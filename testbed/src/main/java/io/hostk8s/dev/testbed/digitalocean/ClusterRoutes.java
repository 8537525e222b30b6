package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /v2/kubernetes/clusters}: list, create, get, update, delete, status messages. */
final class ClusterRoutes {

  static final String CLUSTERS = "/v2/kubernetes/clusters";
  static final String CLUSTER = CLUSTERS + "/{cluster_id}";

  private final Account account;
  private final ClusterLifecycle lifecycle;
  private final Pages pages;

  ClusterRoutes(Account account, ClusterLifecycle lifecycle, Pages pages) {
    this.account = account;
    this.lifecycle = lifecycle;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", CLUSTERS, this::list)
        .add("POST", CLUSTERS, this::create)
        .add("GET", CLUSTER, req -> ApiResponse.ok(Json.wrap("kubernetes_cluster",
            account.locked(() -> account.cluster(req.param("cluster_id")).toJson()))))
        .add("PUT", CLUSTER, this::update)
        .add("DELETE", CLUSTER, this::delete)
        .add("GET", CLUSTER + "/status_messages", this::statusMessages);
  }

  private ApiResponse list(ApiRequest req) {
    List<ObjectNode> all = account.locked(() -> account.clusters.values().stream().map(Cluster::toJson).toList());
    return ApiResponse.ok(pages.list(req, "kubernetes_clusters", all));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.body();
    String name = Json.requiredText(body, "name");
    String region = Json.requiredText(body, "region");
    String version = Catalog.resolveVersion(Json.requiredText(body, "version"))
        .orElseThrow(() -> ApiException.unprocessable("validation error: invalid version"));
    if (Catalog.region(region).filter(Catalog.Region::kubernetes).isEmpty()) {
      throw ApiException.unprocessable("validation error: invalid region");
    }
    JsonNode pools = body.get("node_pools");
    if (pools == null || !pools.isArray() || pools.isEmpty()) {
      throw ApiException.unprocessable("validation error: node_pools is required");
    }
    int wanted = 0;
    for (JsonNode p : pools) {
      NodePoolRoutes.validateSize(Json.requiredText(p, "size"));
      Json.requiredText(p, "name");
      wanted += NodePoolRoutes.count(p);
    }
    int nodes = wanted;
    Cluster created = account.locked(() -> {
      if (account.clusters.values().stream().anyMatch(c -> c.name.equals(name))) {
        throw ApiException.unprocessable("a cluster with this name already exists");
      }
      if (account.dropletsInUse() + nodes > account.dropletLimit) {
        throw ApiException.unprocessable("creating this/these droplet(s) will exceed your droplet limit");
      }
      Cluster c = new Cluster(name, region, version, Json.textList(body, "tags"));
      c.autoUpgrade = body.path("auto_upgrade").asBoolean(false);
      c.surgeUpgrade = body.path("surge_upgrade").asBoolean(false);
      c.ha = body.path("ha").asBoolean(false);
      applyMaintenance(c, body.get("maintenance_policy"));
      for (JsonNode p : pools) {
        c.pools.add(NodePoolRoutes.newPool(account, c, p));
      }
      c.setState("provisioning", "provisioning");
      account.clusters.put(c.id, c);
      return c;
    });
    lifecycle.provision(created.id);
    return ApiResponse.created(Json.wrap("kubernetes_cluster", account.locked(created::toJson)));
  }

  private ApiResponse update(ApiRequest req) {
    JsonNode body = req.body();
    String name = Json.requiredText(body, "name");
    ObjectNode json = account.locked(() -> {
      Cluster c = account.cluster(req.param("cluster_id"));
      c.name = name;
      if (body.has("tags")) {
        c.tags = Json.textList(body, "tags");
      }
      c.autoUpgrade = body.path("auto_upgrade").asBoolean(c.autoUpgrade);
      c.surgeUpgrade = body.path("surge_upgrade").asBoolean(c.surgeUpgrade);
      c.ha = body.path("ha").asBoolean(c.ha);
      applyMaintenance(c, body.get("maintenance_policy"));
      c.updatedAt = Instant.now();
      return c.toJson();
    });
    return ApiResponse.accepted(Json.wrap("kubernetes_cluster", json));
  }

  private ApiResponse delete(ApiRequest req) {
    String id = req.param("cluster_id");
    account.cluster(id);
    lifecycle.destroy(id, () -> {
    });
    return ApiResponse.noContent();
  }

  private ApiResponse statusMessages(ApiRequest req) {
    Instant since = req.queryParam("since").map(s -> {
      try {
        return Instant.parse(s);
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiException.badRequest("since must be an RFC 3339 timestamp");
      }
    }).orElse(Instant.EPOCH);
    List<ObjectNode> messages = account.locked(() -> {
      List<ObjectNode> out = new ArrayList<>();
      for (Cluster.StatusMessage m : account.cluster(req.param("cluster_id")).messages) {
        if (!m.timestamp().isBefore(since)) {
          out.add(Json.object().put("message", m.message()).put("timestamp", Json.time(m.timestamp())));
        }
      }
      return out;
    });
    return ApiResponse.ok(Json.wrap("messages", Json.array(messages)));
  }

  private static void applyMaintenance(Cluster c, JsonNode policy) {
    if (policy == null || !policy.isObject()) {
      return;
    }
    c.maintenanceStart = Json.text(policy, "start_time", c.maintenanceStart);
    c.maintenanceDay = Json.text(policy, "day", c.maintenanceDay);
  }
}
