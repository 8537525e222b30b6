package io.hostk8s.dev.cluster;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * A host that passes the kind preflight: a unix socket that accepts connections (DOCKER_HOST) and an executable
 * named {@code kind} on PATH (never run: the tests' process runner is a fake).
 */
final class FakeHost implements AutoCloseable {
  final Path socket;
  final Path bin;
  private final ServerSocketChannel server;

  FakeHost(Path dir) throws IOException {
    socket = dir.resolve("docker.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    bin = Files.createDirectories(dir.resolve("bin"));
    Path kind = bin.resolve("kind");
    Files.writeString(kind, "#!/bin/sh\nexit 99\n");
    Files.setPosixFilePermissions(kind, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DOCKER_HOST", "unix://" + socket);
    env.put("PATH", bin + ":/usr/bin:/bin");
    return env;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
