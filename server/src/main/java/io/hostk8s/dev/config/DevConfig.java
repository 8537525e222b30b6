package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The effective dev configuration: hostk8s.dev.yaml merged over the voting-app defaults and HostK8s .env. */
public record DevConfig(
    ClusterConfig cluster,
    RegistryConfig registry,
    String namespace,
    Map<String, ServiceConfig> services,
    DeployConfig deploy,
    CloudConfig cloud) {

  public DevConfig {
    services = services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }
}
