package io.hostk8s.dev.cluster;

import io.hostk8s.dev.config.DevConfig;
import java.nio.file.Path;

/**
 * The HostK8s registry container: {@code hostk8s-registry} from {@code registry:2}, restart always, host
 * {@code 127.0.0.1:<hostPort>} (5002, from registry.push / REGISTRY_URL when it is a localhost address) → 5000,
 * on the docker network {@code kind}, storage in the workspace's {@code data/registry} (kept by stop).
 */
public record RegistrySpec(String container, String image, String hostIp, int hostPort, int containerPort, String network, Path dataDir) {
  public static final String CONTAINER = "hostk8s-registry";
  public static final String IMAGE = "registry:2";
  public static final int DEFAULT_HOST_PORT = 5002;

  public static RegistrySpec of(DevConfig config, Path workspace) {
    return new RegistrySpec(CONTAINER, IMAGE, "127.0.0.1", hostPort(config.registry().push()), 5000, "kind",
        workspace.resolve("data/registry"));
  }

  /** The host the cluster advertises (KEP-1755) and images are pushed to. */
  public String pushHost() {
    return "localhost:" + hostPort;
  }

  static int hostPort(String push) {
    if (push != null && push.matches("(localhost|127\\.0\\.0\\.1):\\d+")) {
      return Integer.parseInt(push.substring(push.lastIndexOf(':') + 1));
    }
    return DEFAULT_HOST_PORT;
  }
}
