package io.hostk8s.dev.cluster;

import java.util.function.Consumer;

/** The Docker operations of the kind path (docker-java in the product, a recording fake in tests). */
public interface ClusterDocker extends AutoCloseable {
  /** Creates (pulling the image if needed) and starts the registry container, and connects it to the network. */
  void ensureRegistry(RegistrySpec spec, Consumer<String> log);

  /** Writes {@code content} to {@code path} inside a running container (a kind node). */
  void writeFile(String container, String path, String content);

  /** Removes the container (force); false when there was none. */
  boolean removeContainer(String name);

  @Override
  void close();
}
