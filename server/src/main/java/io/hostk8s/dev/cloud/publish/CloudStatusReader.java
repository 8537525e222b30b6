package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import java.time.Instant;
import java.util.Optional;

/** The status snapshot's cloud section: from the publish state alone, or checked live against the API. */
public final class CloudStatusReader {
  private CloudStatusReader() {}

  /** Without the API: what the state file says (state {@code recorded}), or {@code none}. */
  public static CloudStatus offline(Optional<PublishState> state) {
    return state.filter(s -> !s.isEmpty()).map(s -> of(s, "recorded", null, s.updatedAt())
        .withApp(io.hostk8s.dev.cloud.publish.app.AppStatus.recorded(s.app()))).orElse(CloudStatus.none());
  }

  /** Live: the cluster's state and message now ({@code deleted} when DigitalOcean no longer has it). */
  public static CloudStatus live(DigitalOcean api, Optional<PublishState> state) {
    if (state.isEmpty() || state.get().isEmpty()) {
      return CloudStatus.none();
    }
    PublishState s = state.get();
    String now = Instant.now().toString();
    if (s.clusterId() == null) {
      return of(s, "none", null, now);
    }
    Optional<Cluster> c = api.kubernetes().findCluster(s.clusterId());
    if (c.isEmpty()) {
      return of(s, "deleted", "DigitalOcean has no cluster " + s.clusterId() + " any more", now);
    }
    Cluster cluster = c.get();
    String st = cluster.status() == null ? "unknown" : cluster.status().state();
    String msg = cluster.status() == null ? null : cluster.status().message();
    CloudStatus base = of(s, st, msg, now);
    return new CloudStatus(base.provider(), base.state(), base.cluster(), base.clusterId(), base.region(), base.message(),
        base.registry(), Boolean.TRUE.equals(cluster.registryEnabled()), base.kubeconfig(), base.monthlyUsd(), null, now)
        .withApp(io.hostk8s.dev.cloud.publish.app.AppStatus.recorded(s.app()));
  }

  private static CloudStatus of(PublishState s, String state, String message, String at) {
    return new CloudStatus("digitalocean", state, s.clusterName(), s.clusterId(), s.region(), message, s.registryName(),
        s.registryIntegrated(), s.kubeconfig(), s.monthlyUsd(), null, at);
  }
}
