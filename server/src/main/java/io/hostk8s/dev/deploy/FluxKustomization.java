package io.hostk8s.dev.deploy;

import java.util.List;

/** A Flux Kustomization (name, namespace) and the live objects of ours it owns. */
public record FluxKustomization(String name, String namespace, List<String> owns) {
  public FluxKustomization {
    owns = List.copyOf(owns);
  }

  public String ref() {
    return namespace + "/" + name;
  }
}
