package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effective dev configuration: hostk8s.dev.yaml merged over the voting-app defaults and HostK8s .env;
 * {@code environments}: what differs between the local cluster and the cloud ({@link EnvironmentsConfig}).
 */
public record DevConfig(
    ClusterConfig cluster,
    RegistryConfig registry,
    String namespace,
    Map<String, ServiceConfig> services,
    DeployConfig deploy,
    CloudConfig cloud,
    EnvironmentsConfig environments) {

  public DevConfig {
    services = services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
    environments = environments == null ? EnvironmentsConfig.NONE : environments;
  }

  /** With no environment differences. */
  public DevConfig(ClusterConfig cluster, RegistryConfig registry, String namespace, Map<String, ServiceConfig> services,
      DeployConfig deploy, CloudConfig cloud) {
    this(cluster, registry, namespace, services, deploy, cloud, EnvironmentsConfig.NONE);
  }
}
