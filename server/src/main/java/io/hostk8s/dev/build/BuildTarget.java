package io.hostk8s.dev.build;

/**
 * Where the image will run. KIND: the local cluster, single-arch for the machine's own platform, pushed to
 * {@code registry.push} and referenced as {@code registry.pull}. CLOUD: {@code linux/amd64}, pushed to and pulled
 * from the cloud registry ({@code cloud.digitalocean.registry}).
 */
public enum BuildTarget {
  KIND(null),
  CLOUD("linux/amd64");

  private final String platform;

  BuildTarget(String platform) {
    this.platform = platform;
  }

  /** The fixed platform of this target, or null for "the daemon's (machine's) own". */
  public String platform() {
    return platform;
  }
}
