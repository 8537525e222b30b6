package io.hostk8s.dev.config;

/** DigitalOcean Kubernetes target (Level 500). */
public record DigitalOceanConfig(
    String cluster, String region, String nodeSize, Integer nodes, String registry, String domain, String version,
    String host, String acmeEmail, Boolean acmeStaging) {
  public DigitalOceanConfig(String cluster, String region, String nodeSize, Integer nodes, String registry, String domain) {
    this(cluster, region, nodeSize, nodes, registry, domain, null, null, null, null);
  }
}
