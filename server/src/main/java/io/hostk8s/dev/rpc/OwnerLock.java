package io.hostk8s.dev.rpc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises "does a live owner answer on the socket? no → bind it" across processes: an exclusive lock on
 * {@code .hostk8s/engine/engine.lock}, held only while the socket is checked and bound. Without it two front ends
 * that both find a stale socket could both delete it and bind, leaving two owners (one of them unreachable).
 */
final class OwnerLock implements AutoCloseable {
  /** File locks are per process; this serialises threads of one process (a JVM may not lock a file twice). */
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until this process holds the workspace's owner lock. */
  static OwnerLock acquire(Path engineDir) throws IOException {
    IN_PROCESS.lock();
    FileChannel ch = null;
    try {
      ch = FileChannel.open(engineDir.resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new OwnerLock(ch, ch.lock());
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      IN_PROCESS.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      IN_PROCESS.unlock();
    }
  }
}
