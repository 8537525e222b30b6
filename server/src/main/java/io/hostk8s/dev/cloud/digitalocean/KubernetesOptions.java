package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** {@code GET /v2/kubernetes/options}: the regions, versions and node sizes DOKS offers now. */
public record KubernetesOptions(List<Region> regions, List<Version> versions, List<SizeOption> sizes) {
  /** A region, e.g. {@code ("New York 1", "nyc1")}. */
  public record Region(String name, String slug) {}

  /** A version, e.g. slug {@code 1.33.1-do.0}, kubernetes version {@code 1.33.1}, features such as {@code docr-integration}. */
  public record Version(String slug, String kubernetesVersion, List<String> supportedFeatures) {}

  /** A node size, e.g. {@code ("s-1vcpu-2gb", "s-1vcpu-2gb")}. */
  public record SizeOption(String name, String slug) {}
}
