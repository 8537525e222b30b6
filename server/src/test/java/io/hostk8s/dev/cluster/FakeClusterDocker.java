package io.hostk8s.dev.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records the Docker operations of the kind path. */
final class FakeClusterDocker implements ClusterDocker {
  final List<RegistrySpec> registries = new CopyOnWriteArrayList<>();
  final List<String> writes = new CopyOnWriteArrayList<>();
  final List<String> removed = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  @Override public void ensureRegistry(RegistrySpec spec, Consumer<String> log) {
    registries.add(spec);
    log.accept("fake: registry " + spec.container());
  }

  @Override public void writeFile(String container, String path, String content) {
    writes.add(container + ":" + path + "=" + content);
  }

  @Override public boolean removeContainer(String name) {
    removed.add(name);
    return true;
  }

  @Override public void close() {
    closed = true;
  }
}
