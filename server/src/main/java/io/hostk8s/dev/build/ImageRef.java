package io.hostk8s.dev.build;

/**
 * A built image under its two names: {@code push} is where the host pushes it (HostK8s: {@code localhost:5002/…}),
 * {@code inCluster} is what manifests reference so nodes pull it (HostK8s: {@code localhost:5000/…}, the
 * containerd mirror of the same registry). Both carry the same repository and tag.
 */
public record ImageRef(String pushRegistry, String pullRegistry, String repository, String tag) {

  /** {@code pushRegistry} and {@code pullRegistry} are host[:port][/path] prefixes; a blank pull means the push one. */
  public static ImageRef of(String pushRegistry, String pullRegistry, String repository, String tag) {
    String push = trimSlash(pushRegistry);
    String pull = pullRegistry == null || pullRegistry.isBlank() ? push : trimSlash(pullRegistry);
    return new ImageRef(push, pull, repository, tag);
  }

  /** {@code <push registry>/<repository>:<tag>}. */
  public String push() {
    return pushRegistry + "/" + repository + ":" + tag;
  }

  /** {@code <pull registry>/<repository>:<tag>}: the reference for manifests. */
  public String inCluster() {
    return pullRegistry + "/" + repository + ":" + tag;
  }

  /** {@code <push registry>/<repository>} without the tag (docker push's repository argument). */
  public String pushRepository() {
    return pushRegistry + "/" + repository;
  }

  /** The registry host[:port] part of the push registry (without a path prefix). */
  public String pushHost() {
    int slash = pushRegistry.indexOf('/');
    return slash < 0 ? pushRegistry : pushRegistry.substring(0, slash);
  }

  /** The repository path inside the registry, including a path prefix of the push registry. */
  public String registryPath() {
    int slash = pushRegistry.indexOf('/');
    return slash < 0 ? repository : pushRegistry.substring(slash + 1) + "/" + repository;
  }

  private static String trimSlash(String s) {
    String t = s.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
