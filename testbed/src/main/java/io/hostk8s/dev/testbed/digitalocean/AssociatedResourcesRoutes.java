package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code .../destroy_with_associated_resources}: what the cluster's CCM/CSI made (load balancers, volumes; no
 * snapshots yet), and the selective / dangerous deletes that take those along with the cluster.
 */
final class AssociatedResourcesRoutes {

  private static final String BASE = ClusterRoutes.CLUSTER + "/destroy_with_associated_resources";

  private final Account account;
  private final ClusterLifecycle lifecycle;

  AssociatedResourcesRoutes(Account account, ClusterLifecycle lifecycle) {
    this.account = account;
    this.lifecycle = lifecycle;
  }

  void register(Router r) {
    r.add("GET", BASE, this::list)
        .add("DELETE", BASE + "/selective", req -> destroy(req, Set.copyOf(Json.textList(req.body(),
            "load_balancers")), Set.copyOf(Json.textList(req.body(), "volumes"))))
        .add("DELETE", BASE + "/dangerous", req -> destroy(req, null, null));
  }

  private ApiResponse list(ApiRequest req) {
    String id = req.param("cluster_id");
    ObjectNode body = account.locked(() -> {
      account.cluster(id);
      ObjectNode o = Json.object();
      o.set("load_balancers", Json.array(account.loadBalancersOf(id).stream()
          .map(l -> Json.object().put("id", l.id).put("name", l.name)).toList()));
      o.set("volumes", Json.array(account.volumesOf(id).stream()
          .map(v -> Json.object().put("id", v.id).put("name", v.name)).toList()));
      o.set("volume_snapshots", Json.array(List.of()));
      return o;
    });
    return ApiResponse.ok(body);
  }

  /** Deletes the cluster and the named associated resources ({@code null}: all of them). */
  private ApiResponse destroy(ApiRequest req, Set<String> lbs, Set<String> vols) {
    String id = req.param("cluster_id");
    account.cluster(id);
    lifecycle.destroy(id, () -> {
      Set<String> lbIds = account.loadBalancersOf(id).stream().map(l -> l.id)
          .filter(l -> lbs == null || lbs.contains(l)).collect(Collectors.toSet());
      Set<String> volIds = account.volumesOf(id).stream().map(v -> v.id)
          .filter(v -> vols == null || vols.contains(v)).collect(Collectors.toSet());
      lbIds.forEach(account.loadBalancers::remove);
      volIds.forEach(account.volumes::remove);
    });
    return ApiResponse.noContent();
  }
}
