package io.hostk8s.dev.dap;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The debug adapter's Unix domain socket: {@code .hostk8s/engine/debug-PID-N.sock}, mode 0600, in a directory made
 * 0700 before binding (so nobody else can even connect during the moment the file still has the umask's mode). The
 * name is unique per adapter (several engines of one workspace never take each other's socket); files left by a
 * process that is gone are removed. Closing removes the file.
 */
final class UnixDapListener implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(UnixDapListener.class.getName());
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final Path path;
  private final ServerSocketChannel server;

  private UnixDapListener(Path path, ServerSocketChannel server) {
    this.path = path;
    this.server = server;
  }

  static UnixDapListener bind(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    removeStale(dir);
    long pid = ProcessHandle.current().pid();
    Path path = dir.resolve("debug-" + pid + "-" + SEQ.incrementAndGet() + ".sock").toAbsolutePath();
    Files.deleteIfExists(path);
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.bind(UnixDomainSocketAddress.of(path));
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | RuntimeException e) {
      ch.close();
      Files.deleteIfExists(path);
      throw e;
    }
    return new UnixDapListener(path, ch);
  }

  private static void removeStale(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "debug-*-*.sock")) {
      for (Path f : files) {
        String[] parts = f.getFileName().toString().split("-");
        try {
          if (ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
        } catch (NumberFormatException e) {
          continue; // not ours
        }
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cleaning stale debug sockets", e);
    }
  }

  Path path() {
    return path;
  }

  boolean isOpen() {
    return server.isOpen();
  }

  SocketChannel accept() throws IOException {
    return server.accept();
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the debug socket", e);
    }
  }
}
