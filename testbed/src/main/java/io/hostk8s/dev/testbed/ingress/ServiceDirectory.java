package io.hostk8s.dev.testbed.ingress;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Service port is reached on this host: the sandbox's kube-proxy table ({@code services.json} in its state
 * dir, written by the control loop), re-read when it changes. The relay picks a Ready pod per connection.
 */
final class ServiceDirectory {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<Integer, Integer>>> TYPE = new TypeReference<>() {
  };

  private final Path file;
  private FileTime readAt;
  private Map<String, Map<Integer, Integer>> table = Map.of();

  ServiceDirectory(Path stateDir) {
    this.file = stateDir.resolve("services.json");
  }

  synchronized Optional<Integer> localPort(String namespace, String service, int port) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(readAt)) {
        table = JSON.readValue(file.toFile(), TYPE);
        readAt = modified;
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(table.getOrDefault(namespace + "/" + service, Map.of()).get(port));
  }
}
