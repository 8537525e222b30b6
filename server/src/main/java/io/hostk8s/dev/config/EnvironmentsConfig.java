package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code environments} of hostk8s.dev.yaml: what differs between the local cluster (applied by deploy, up, dev) and
 * the cloud (applied by publish apply), in one place. Both default to no differences (the manifests as written).
 */
public record EnvironmentsConfig(EnvironmentConfig local, EnvironmentConfig cloud) {
  public static final EnvironmentsConfig NONE = new EnvironmentsConfig(EnvironmentConfig.NONE, EnvironmentConfig.NONE);

  public EnvironmentsConfig {
    local = local == null ? EnvironmentConfig.NONE : local;
    cloud = cloud == null ? EnvironmentConfig.NONE : cloud;
  }

  /** The environment a deploy to the local cluster ({@code local}) or to the cloud applies. */
  public EnvironmentConfig of(boolean localCluster) {
    return localCluster ? local : cloud;
  }

  static EnvironmentsConfig merge(JsonNode node, EnvironmentsConfig base) {
    if (node == null || !node.isObject()) {
      return base;
    }
    return new EnvironmentsConfig(node.has("local") ? EnvironmentConfig.parse(node.get("local")) : base.local(),
        node.has("cloud") ? EnvironmentConfig.parse(node.get("cloud")) : base.cloud());
  }
}
