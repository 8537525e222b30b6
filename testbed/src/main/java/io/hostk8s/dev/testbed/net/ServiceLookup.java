package io.hostk8s.dev.testbed.net;

import java.util.Locale;
import java.util.Optional;

/** Resolves a Kubernetes DNS name ({@code redis}, {@code redis.ns}, {@code redis.ns.svc.cluster.local}). */
@FunctionalInterface
public interface ServiceLookup {

  Optional<ServiceEndpoint> find(String namespace, String name);

  /** Resolves {@code host} as seen from a pod in {@code podNamespace}. */
  default Optional<ServiceEndpoint> resolve(String podNamespace, String host) {
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    h = h.endsWith(".cluster.local") ? h.substring(0, h.length() - ".cluster.local".length()) : h;
    h = h.endsWith(".svc") ? h.substring(0, h.length() - ".svc".length()) : h;
    String[] parts = h.split("\\.");
    if (parts.length == 1) {
      return find(podNamespace, parts[0]);
    }
    if (parts.length == 2) {
      return find(parts[1], parts[0]);
    }
    return Optional.empty();
  }
}
