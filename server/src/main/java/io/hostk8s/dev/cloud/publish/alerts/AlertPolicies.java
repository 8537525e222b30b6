package io.hostk8s.dev.cloud.publish.alerts;

import io.hostk8s.dev.cloud.digitalocean.AlertPolicy;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.config.AlertsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The optional Monitoring alert policies of a published cluster ({@code cloud.digitalocean.alerts}): CPU and memory
 * of its droplets (found by DOKS's tag {@code k8s:<cluster id>}, so replaced nodes are covered), by e-mail. Ours are
 * recognised by that tag and our description, so apply converges without a record of them (creates what is missing,
 * updates what differs, removes what the configuration no longer asks for) and teardown removes exactly them.
 */
public final class AlertPolicies {
  static final String CPU = "v1/insights/droplet/cpu";
  static final String MEMORY = "v1/insights/droplet/memory_utilization_percent";
  static final int DEFAULT_CPU = 80;
  static final int DEFAULT_MEMORY = 90;
  private final DigitalOcean api;

  /** The published cluster: its id and name (from the publish state; null id: none yet). */
  public record Cluster(String id, String name) {}

  public AlertPolicies(DigitalOcean api) {
    this.api = api;
  }

  /** Makes the cluster's policies match {@code config} (null or no e-mail: none); returns one line per change. */
  public List<String> apply(Cluster cluster, AlertsConfig config) {
    List<String> lines = new ArrayList<>();
    if (cluster.id() == null) {
      return lines;
    }
    List<AlertPolicy.Request> wanted = wanted(cluster, config);
    List<AlertPolicy> ours = ours(cluster);
    for (AlertPolicy.Request w : wanted) {
      AlertPolicy have = ours.stream().filter(p -> p.type().equals(w.type())).findFirst().orElse(null);
      if (have == null) {
        api.monitoring().create(w);
        lines.add("alert policy created: " + w.description() + " → " + String.join(", ", w.alerts().email()));
      } else if (!same(have.request(), w)) {
        api.monitoring().update(have.uuid(), w);
        lines.add("alert policy updated: " + w.description());
      }
    }
    for (AlertPolicy p : ours) {
      if (wanted.stream().noneMatch(w -> w.type().equals(p.type()))) {
        api.monitoring().delete(p.uuid());
        lines.add("alert policy removed (no longer configured): " + p.description());
      }
    }
    return lines;
  }

  /** Deletes the cluster's policies; returns one line per deletion. */
  public List<String> remove(Cluster cluster) {
    List<String> lines = new ArrayList<>();
    if (cluster.id() == null) {
      return lines;
    }
    for (AlertPolicy p : ours(cluster)) {
      api.monitoring().delete(p.uuid());
      lines.add("deleted alert policy " + p.description());
    }
    return lines;
  }

  /** The cluster's policies DigitalOcean still has (for teardown's list of what is left). */
  public List<String> left(Cluster cluster) {
    return cluster.id() == null ? List.of()
        : ours(cluster).stream().map(p -> "alert policy " + p.description() + " (" + p.uuid() + ")").toList();
  }

  private List<AlertPolicy> ours(Cluster cluster) {
    String tag = tag(cluster);
    String prefix = prefix(cluster);
    return api.monitoring().list().stream()
        .filter(p -> p.tags() != null && p.tags().contains(tag) && p.description() != null && p.description().startsWith(prefix))
        .toList();
  }

  static List<AlertPolicy.Request> wanted(Cluster cluster, AlertsConfig config) {
    if (config == null || config.email().isEmpty()) {
      return List.of();
    }
    AlertPolicy.Alerts to = new AlertPolicy.Alerts(config.email(), List.of());
    int cpu = config.cpuPercent() == null ? DEFAULT_CPU : config.cpuPercent();
    int memory = config.memoryPercent() == null ? DEFAULT_MEMORY : config.memoryPercent();
    return List.of(
        new AlertPolicy.Request(CPU, prefix(cluster) + "CPU above " + cpu + "%", "GreaterThan", cpu, "5m", List.of(),
            List.of(tag(cluster)), to, true),
        new AlertPolicy.Request(MEMORY, prefix(cluster) + "memory above " + memory + "%", "GreaterThan", memory, "5m",
            List.of(), List.of(tag(cluster)), to, true));
  }

  private static boolean same(AlertPolicy.Request a, AlertPolicy.Request b) {
    return a.description().equals(b.description()) && a.value() == b.value() && Objects.equals(a.window(), b.window())
        && Objects.equals(a.alerts().email(), b.alerts().email()) && a.enabled() == b.enabled();
  }

  /** DOKS tags every droplet of a cluster {@code k8s:<cluster id>}. */
  static String tag(Cluster cluster) {
    return "k8s:" + cluster.id();
  }

  static String prefix(Cluster cluster) {
    return "hostk8s-dev " + cluster.name() + ": ";
  }
}
