package io.hostk8s.dev.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cloud.digitalocean.alerts}: a DigitalOcean Monitoring alert policy on the cluster's droplets, made by
 * {@code publish apply} and removed by {@code teardown}. {@code email}: who is notified (one address or a list;
 * none: no policy); {@code cpuPercent} / {@code memoryPercent}: the thresholds (defaults 80 and 90) over 5 minutes.
 */
public record AlertsConfig(List<String> email, Integer cpuPercent, Integer memoryPercent) {
  public AlertsConfig {
    email = email == null ? List.of() : List.copyOf(email);
  }

  static AlertsConfig merge(com.fasterxml.jackson.databind.JsonNode node, AlertsConfig base) {
    if (node == null || !node.isObject()) {
      return base;
    }
    AlertsConfig b = base == null ? new AlertsConfig(null, null, null) : base;
    com.fasterxml.jackson.databind.JsonNode e = node.get("email");
    List<String> email = b.email();
    if (e != null && e.isTextual()) {
      email = List.of(e.asText());
    } else if (e != null && e.isArray()) {
      List<String> all = new ArrayList<>();
      e.forEach(x -> all.add(x.asText()));
      email = all;
    }
    return new AlertsConfig(email, Values.integer(node, "cpuPercent", b.cpuPercent()),
        Values.integer(node, "memoryPercent", b.memoryPercent()));
  }
}
