package io.hostk8s.dev.rpc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the engine that owns a workspace: {@code <workspace>/.hostk8s/engine/engine.sock} (the engine/ directory is 0700; .hostk8s/ itself keeps normal permissions so sandbox pods running as other users, e.g. postgres, can reach their files). */
public final class EngineLocator {
  private EngineLocator() {}

  public static Path socketOf(Path workspaceStateDir) {
    return workspaceStateDir.resolve("engine").resolve("engine.sock");
  }

  static boolean isAlive(Path socket) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The socket of a live owner, if any (a stale socket file is ignored). */
  public static Optional<Path> liveOwner(Path workspaceStateDir) {
    Path socket = socketOf(workspaceStateDir);
    return Files.exists(socket) && isAlive(socket) ? Optional.of(socket) : Optional.empty();
  }
}
