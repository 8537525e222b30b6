package io.hostk8s.dev.build;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Docker Engine API is: DOCKER_HOST ({@code unix://} or {@code tcp://}) or the default socket, with
 * DOCKER_TLS_VERIFY / DOCKER_CERT_PATH for a TLS {@code tcp://} daemon. Read from the workspace environment.
 */
public record DockerEndpoint(URI uri, boolean fromEnv, boolean tlsVerify, String certPath) {
  public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

  public static DockerEndpoint from(Map<String, String> env) {
    String host = env.get("DOCKER_HOST");
    boolean tls = "1".equals(env.get("DOCKER_TLS_VERIFY"));
    String certPath = env.get("DOCKER_CERT_PATH");
    if (host == null || host.isBlank()) {
      return new DockerEndpoint(URI.create(DEFAULT_SOCKET), false, tls, certPath);
    }
    return new DockerEndpoint(URI.create(host.strip()), true, tls, certPath);
  }

  public boolean isUnix() {
    return "unix".equals(uri.getScheme());
  }

  public Path socket() {
    return Path.of(uri.getPath());
  }

  /** How the user sees it in messages: {@code DOCKER_HOST=…} or the default socket. */
  public String describe() {
    return fromEnv ? "DOCKER_HOST=" + uri : "the default socket " + socket() + " (DOCKER_HOST is not set)";
  }
}
