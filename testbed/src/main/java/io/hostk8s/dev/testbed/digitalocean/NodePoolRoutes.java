package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;

/** {@code /v2/kubernetes/clusters/{id}/node_pools}: list, add, get, update (resize), delete. */
final class NodePoolRoutes {

  private static final String POOLS = ClusterRoutes.CLUSTER + "/node_pools";
  private static final String POOL = POOLS + "/{node_pool_id}";
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Account account;
  private final ClusterLifecycle lifecycle;

  NodePoolRoutes(Account account, ClusterLifecycle lifecycle) {
    this.account = account;
    this.lifecycle = lifecycle;
  }

  void register(Router r) {
    r.add("GET", POOLS, req -> ApiResponse.ok(Json.wrap("node_pools", account.locked(() -> Json.array(
            account.cluster(req.param("cluster_id")).pools.stream().map(NodePool::toJson).toList())))))
        .add("POST", POOLS, this::add)
        .add("GET", POOL, req -> ApiResponse.ok(Json.wrap("node_pool", account.locked(() -> pool(req).toJson()))))
        .add("PUT", POOL, this::update)
        .add("DELETE", POOL, req -> {
          account.locked(() -> {
            NodePool p = pool(req);
            account.cluster(req.param("cluster_id")).pools.remove(p);
          });
          return ApiResponse.noContent();
        });
  }

  private NodePool pool(ApiRequest req) {
    String id = req.param("node_pool_id");
    return account.cluster(req.param("cluster_id")).pools.stream().filter(p -> p.id.equals(id)).findFirst()
        .orElseThrow(ApiException::notFound);
  }

  private ApiResponse add(ApiRequest req) {
    JsonNode body = req.body();
    validateSize(Json.requiredText(body, "size"));
    Json.requiredText(body, "name");
    int wanted = count(body);
    ObjectNode json = account.locked(() -> {
      Cluster c = account.cluster(req.param("cluster_id"));
      checkLimit(wanted);
      NodePool p = newPool(account, c, body);
      c.pools.add(p);
      return p.toJson();
    });
    lifecycle.nodesAdded(req.param("cluster_id"));
    return ApiResponse.created(Json.wrap("node_pool", json));
  }

  private ApiResponse update(ApiRequest req) {
    JsonNode body = req.body();
    String name = Json.requiredText(body, "name");
    int wanted = count(body);
    ObjectNode json = account.locked(() -> {
      NodePool p = pool(req);
      int have = p.count();
      if (wanted > have) {
        checkLimit(wanted - have);
      }
      p.name = name;
      if (body.has("tags")) {
        p.tags = Json.textList(body, "tags");
      }
      if (body.has("labels")) {
        p.labels = body.get("labels");
      }
      if (body.has("taints")) {
        p.taints = body.get("taints");
      }
      applyAutoScale(p, body);
      resize(account, p, wanted);
      return p.toJson();
    });
    lifecycle.nodesAdded(req.param("cluster_id"));
    return ApiResponse.accepted(Json.wrap("node_pool", json));
  }

  private void checkLimit(int more) {
    if (account.dropletsInUse() + more > account.dropletLimit) {
      throw ApiException.unprocessable("creating this/these droplet(s) will exceed your droplet limit");
    }
  }

  static void validateSize(String size) {
    if (!Catalog.KUBERNETES_SIZES.contains(size)) {
      throw ApiException.unprocessable("validation error: invalid size " + size);
    }
  }

  static int count(JsonNode pool) {
    JsonNode n = pool.get("count");
    if (n == null || !n.canConvertToInt() || n.asInt() < 1) {
      throw ApiException.unprocessable("validation error: count must be at least 1");
    }
    return n.asInt();
  }

  /** A pool from a request's pool object (validated by the caller), with its nodes provisioning. */
  static NodePool newPool(Account account, Cluster c, JsonNode body) {
    NodePool p = new NodePool(c.id, body.get("name").asText(), body.get("size").asText(), Json.textList(body, "tags"));
    if (body.has("labels") && !body.get("labels").isNull()) {
      p.labels = body.get("labels");
    }
    if (body.has("taints") && body.get("taints").isArray()) {
      p.taints = body.get("taints");
    }
    applyAutoScale(p, body);
    resize(account, p, body.get("count").asInt());
    return p;
  }

  private static void applyAutoScale(NodePool p, JsonNode body) {
    p.autoScale = body.path("auto_scale").asBoolean(p.autoScale);
    p.minNodes = body.path("min_nodes").asInt(p.minNodes);
    p.maxNodes = body.path("max_nodes").asInt(p.maxNodes);
  }

  private static void resize(Account account, NodePool p, int wanted) {
    while (p.nodes.size() > wanted) {
      p.nodes.remove(p.nodes.size() - 1);
    }
    while (p.nodes.size() < wanted) {
      p.nodes.add(new Node(p.name + "-" + suffix(), account.nextDropletId()));
    }
  }

  private static String suffix() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
