package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import java.util.List;

/** {@code /v2/monitoring/alerts}: the alert policies publish creates for the cluster's droplets. */
public final class MonitoringApi {
  private final DoApi api;

  MonitoringApi(DoApi api) {
    this.api = api;
  }

  public List<AlertPolicy> list() {
    return api.list("/v2/monitoring/alerts", DoScopes.MONITORING_READ, "policies", AlertPolicy.class);
  }

  /** Never retried (a POST). */
  public AlertPolicy create(AlertPolicy.Request request) {
    return api.postOne("/v2/monitoring/alerts", DoScopes.MONITORING_CREATE, request, "policy", AlertPolicy.class);
  }

  public AlertPolicy update(String uuid, AlertPolicy.Request request) {
    return api.put("/v2/monitoring/alerts/" + seg(uuid), DoScopes.MONITORING_UPDATE, request, PolicyAnswer.class).policy();
  }

  public void delete(String uuid) {
    api.delete("/v2/monitoring/alerts/" + seg(uuid), DoScopes.MONITORING_DELETE);
  }

  /** {@code {"policy": …}}. */
  record PolicyAnswer(AlertPolicy policy) {}
}
