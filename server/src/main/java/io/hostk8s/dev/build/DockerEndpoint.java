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
    try {
      return new DockerEndpoint(new URI(host.strip()), true, tls, certPath);
    } catch (java.net.URISyntaxException e) {
      throw new io.hostk8s.dev.error.HostK8sException(io.hostk8s.dev.error.ErrorCode.DOCKER_UNREACHABLE,
          "DOCKER_HOST=" + host + " is not a valid address: " + e.getMessage(),
          java.util.List.of("Use unix:///path/to/docker.sock or tcp://host:port, or unset DOCKER_HOST for /var/run/docker.sock."), true, null);
    }
  }

  public boolean isUnix() {
    return "unix".equals(uri.getScheme());
  }

  /** The TCP port; Docker's defaults when DOCKER_HOST names none (2376 with TLS, 2375 without). */
  public int port() {
    return uri.getPort() >= 0 ? uri.getPort() : tlsVerify ? 2376 : 2375;
  }

  public Path socket() {
    return Path.of(uri.getPath());
  }

  /** How the user sees it in messages: {@code DOCKER_HOST=…} or the default socket. */
  public String describe() {
    return fromEnv ? "DOCKER_HOST=" + uri : "the default socket " + socket() + " (DOCKER_HOST is not set)";
  }
}
