package io.hostk8s.dev.testbed.image;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which registries this sandbox's kubelet pulls images from, with what credentials, and where it caches what it
 * pulled. A kubelet pulls every image; the sandbox pulls only from these hosts (it runs host programs, not the
 * image's), for the app dirs its recipes seed. Images from any other registry keep running from the workspace.
 *
 * @param hosts registry hosts ({@code host:port}) reached over plain HTTP
 * @param credentials {@code user:password} for an image, as a node with pull access to it has; empty: anonymous
 * @param cacheDir the on-disk cache of pulled layers and app dirs (by digest), shared by sandboxes that pass it
 */
public record RegistryAccess(Set<String> hosts, Function<ImageReference, Optional<String>> credentials, Path cacheDir) {

  public RegistryAccess {
    hosts = Set.copyOf(hosts);
  }

  public boolean pullsFrom(ImageReference image) {
    return hosts.contains(image.host());
  }
}
