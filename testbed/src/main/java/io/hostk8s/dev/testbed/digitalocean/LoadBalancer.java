package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A load balancer a cluster's cloud-controller-manager made. Guarded by the {@link Account} lock. */
final class LoadBalancer {

  final String id = UUID.randomUUID().toString();
  final String clusterId;
  final String name;
  final String region;
  final Instant createdAt = Instant.now();
  String ip;
  String status;
  List<ForwardingRule> forwardingRules = List.of();
  List<Long> dropletIds = List.of();

  LoadBalancer(String clusterId, String name, String region, String ip, String status) {
    this.clusterId = clusterId;
    this.name = name;
    this.region = region;
    this.ip = ip;
    this.status = status;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id).put("name", name).put("ip", ip == null ? "" : ip).put("ipv6", "")
        .put("size_unit", 1).put("algorithm", "round_robin").put("status", status)
        .put("created_at", Json.time(createdAt));
    o.set("forwarding_rules", Json.array(forwardingRules.stream().map(ForwardingRule::toJson).toList()));
    o.set("health_check", Json.object().put("protocol", "tcp").put("port", 80).put("path", "")
        .put("check_interval_seconds", 3).put("response_timeout_seconds", 5).put("unhealthy_threshold", 3)
        .put("healthy_threshold", 5));
    o.set("sticky_sessions", Json.object().put("type", "none"));
    o.put("redirect_http_to_https", false).put("enable_proxy_protocol", false)
        .put("enable_backend_keepalive", false).put("http_idle_timeout_seconds", 60)
        .put("disable_lets_encrypt_dns_records", false).put("network", "EXTERNAL").put("network_stack", "IPV4")
        .put("type", "REGIONAL_NETWORK");
    o.set("region", Catalog.regionJson(Catalog.region(region).orElseThrow()));
    ArrayNode droplets = o.putArray("droplet_ids");
    dropletIds.forEach(droplets::add);
    o.put("tag", "k8s:" + clusterId);
    return o;
  }
}
