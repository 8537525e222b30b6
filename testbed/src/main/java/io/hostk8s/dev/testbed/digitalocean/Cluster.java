package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A DOKS cluster. Guarded by the {@link Account} lock. */
final class Cluster {

  record StatusMessage(String message, Instant timestamp) {
  }

  final String id = UUID.randomUUID().toString();
  final String region;
  final String version;
  final String vpcUuid = UUID.randomUUID().toString();
  final Instant createdAt = Instant.now();
  final String accessToken = "dok8s-" + UUID.randomUUID();
  String name;
  List<String> tags;
  final List<NodePool> pools = new ArrayList<>();
  final Set<String> registries = new LinkedHashSet<>();
  final List<StatusMessage> messages = new ArrayList<>();
  String state = "provisioning";
  String message = "provisioning";
  String endpoint = "";
  boolean autoUpgrade;
  boolean surgeUpgrade;
  boolean ha;
  String maintenanceStart = "00:00";
  String maintenanceDay = "any";
  Instant updatedAt = createdAt;

  Cluster(String name, String region, String version, List<String> tags) {
    this.name = name;
    this.region = region;
    this.version = version;
    this.tags = tags;
  }

  void setState(String s, String text) {
    state = s;
    message = text;
    updatedAt = Instant.now();
    messages.add(new StatusMessage(text, updatedAt));
  }

  int nodeCount() {
    return pools.stream().mapToInt(NodePool::count).sum();
  }

  /** The kubeconfig context/cluster/user name DigitalOcean uses: {@code do-<region>-<name>}. */
  String contextName() {
    return "do-" + region + "-" + name;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id).put("name", name).put("region", region).put("version", version)
        .put("cluster_subnet", "10.244.0.0/16").put("service_subnet", "10.245.0.0/16").put("vpc_uuid", vpcUuid)
        .put("ipv4", endpoint.isEmpty() ? "" : "127.0.0.1").put("endpoint", endpoint);
    List<String> all = new ArrayList<>(tags);
    for (String auto : List.of("k8s", "k8s:" + id)) {
      if (!all.contains(auto)) {
        all.add(auto);
      }
    }
    o.set("tags", Json.strings(all));
    o.set("node_pools", Json.array(pools.stream().map(NodePool::toJson).toList()));
    o.set("maintenance_policy", Json.object().put("start_time", maintenanceStart).put("duration", "4h0m0s")
        .put("day", maintenanceDay));
    o.put("auto_upgrade", autoUpgrade);
    o.set("status", Json.object().put("state", state).put("message", message));
    o.put("created_at", Json.time(createdAt)).put("updated_at", Json.time(updatedAt))
        .put("surge_upgrade", surgeUpgrade).put("ha", ha).put("registry_enabled", !registries.isEmpty());
    o.set("registries", Json.strings(registries));
    return o;
  }
}
