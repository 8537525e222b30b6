package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.core.Workspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Is a Docker-compatible daemon reachable? DOCKER_HOST (unix:// or tcp://) or /var/run/docker.sock.
 * Only connects to the socket (fast, no client library); image builds check the API version themselves.
 */
public final class DockerCheck implements Check {
  @Override
  public String name() {
    return "docker";
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return Check.onlyForCluster(target);
  }

  @Override
  public CheckResult run(Workspace workspace) {
    String host = workspace.env().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String fix = "Start Docker (Docker Desktop, `systemctl start docker`) or point DOCKER_HOST at a running daemon "
        + "(Podman: `podman system service` and DOCKER_HOST=unix:///run/podman/podman.sock).";
    try {
      URI uri = URI.create(host);
      if ("unix".equals(uri.getScheme())) {
        Path socket = Path.of(uri.getPath());
        if (!Files.exists(socket)) {
          return CheckResult.missing(name(), true, "no Docker daemon: socket " + socket + " does not exist (DOCKER_HOST=" + host + ")", fix);
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          ch.connect(UnixDomainSocketAddress.of(socket));
        }
      } else if ("tcp".equals(uri.getScheme())) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1500);
        }
      } else {
        return CheckResult.missing(name(), true, "DOCKER_HOST=" + host + " has an unsupported scheme", "Use unix:///path/docker.sock or tcp://host:port.");
      }
      return CheckResult.ok(name(), "daemon socket answers at " + host);
    } catch (IOException | IllegalArgumentException e) {
      return CheckResult.missing(name(), true, "no Docker daemon at " + host + ": " + e.getMessage(), fix);
    }
  }
}
