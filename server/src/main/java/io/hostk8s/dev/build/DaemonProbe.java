package io.hostk8s.dev.build;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.List;

/**
 * Fast check that a daemon listens at the endpoint before docker-java is used (docker-java itself fails with a bare
 * SocketException that never says "Docker"). A missing socket is found in microseconds, a refused TCP connect in
 * milliseconds; the TCP connect timeout is {@value #TCP_TIMEOUT_MS} ms.
 */
public final class DaemonProbe {
  static final int TCP_TIMEOUT_MS = 100;

  private DaemonProbe() {}

  /** Returns normally when something accepts connections at the endpoint; otherwise DOCKER_UNREACHABLE. */
  public static void check(DockerEndpoint endpoint) {
    String scheme = endpoint.uri().getScheme();
    try {
      if (endpoint.isUnix()) {
        if (!Files.exists(endpoint.socket())) {
          throw unreachable(endpoint, "socket " + endpoint.socket() + " does not exist");
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          ch.connect(UnixDomainSocketAddress.of(endpoint.socket()));
        }
      } else if ("tcp".equals(scheme) || "http".equals(scheme) || "https".equals(scheme)) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(endpoint.uri().getHost(), endpoint.port()), TCP_TIMEOUT_MS);
        }
      } else {
        throw new HostK8sException(ErrorCode.DOCKER_UNREACHABLE, "DOCKER_HOST=" + endpoint.uri() + " has an unsupported scheme.",
            List.of("Use unix:///path/to/docker.sock or tcp://host:port."), true, null);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw unreachable(endpoint, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  static HostK8sException unreachable(DockerEndpoint endpoint, String why) {
    return new HostK8sException(ErrorCode.DOCKER_UNREACHABLE,
        "No Docker daemon at " + endpoint.describe() + ": " + why + ".",
        List.of("Start Docker (Docker Desktop, or `sudo systemctl start docker`).",
            "Or point DOCKER_HOST at a running daemon, e.g. Podman: `podman system service --time=0 unix:///run/podman/podman.sock &` "
                + "then DOCKER_HOST=unix:///run/podman/podman.sock.",
            "`hostk8s-dev doctor` checks the daemon, kind and the registry in one go."),
        true, null);
  }
}
