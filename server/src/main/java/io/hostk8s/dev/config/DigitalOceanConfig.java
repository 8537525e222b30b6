package io.hostk8s.dev.config;

/** DigitalOcean Kubernetes target (Level 500); {@code alerts}: the optional alert policy ({@link AlertsConfig}). */
public record DigitalOceanConfig(
    String cluster, String region, String nodeSize, Integer nodes, String registry, String domain, String version,
    String host, String acmeEmail, Boolean acmeStaging, AlertsConfig alerts) {
  public DigitalOceanConfig(String cluster, String region, String nodeSize, Integer nodes, String registry, String domain,
      String version, String host, String acmeEmail, Boolean acmeStaging) {
    this(cluster, region, nodeSize, nodes, registry, domain, version, host, acmeEmail, acmeStaging, null);
  }

  public DigitalOceanConfig(String cluster, String region, String nodeSize, Integer nodes, String registry, String domain) {
    this(cluster, region, nodeSize, nodes, registry, domain, null, null, null, null);
  }
}
