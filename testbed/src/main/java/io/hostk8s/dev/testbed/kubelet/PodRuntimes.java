package io.hostk8s.dev.testbed.kubelet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The running pods of this sandbox, by namespace and name. */
public final class PodRuntimes {

  private final Map<String, PodRuntime> byKey = new ConcurrentHashMap<>();

  public Optional<PodRuntime> get(String namespace, String name) {
    return Optional.ofNullable(byKey.get(namespace + "/" + name));
  }

  public void put(PodRuntime r) {
    byKey.put(r.namespace() + "/" + r.name(), r);
  }

  public void remove(PodRuntime r) {
    byKey.remove(r.namespace() + "/" + r.name(), r);
  }

  public Collection<PodRuntime> all() {
    return List.copyOf(byKey.values());
  }
}
