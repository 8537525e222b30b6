package io.hostk8s.dev.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local side of one forwarded connection as fabric8 reads it: when the local client closes (read returns -1),
 * {@code onEnd} runs once. fabric8's pump just stops at that point and never closes the websocket, so the
 * connection inside the pod would stay open — to debugpy that is a client still connected, and its next
 * subprocess (Flask's reloaded child) waits forever for that client to attach it. The websocket port-forward
 * protocol has no half-close: the local end ending ends the forwarded connection.
 */
final class LocalEnd implements ReadableByteChannel {
  private final SocketChannel channel;
  private final Runnable onEnd;
  private final AtomicBoolean ended = new AtomicBoolean();

  LocalEnd(SocketChannel channel, Runnable onEnd) {
    this.channel = channel;
    this.onEnd = onEnd;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int n = channel.read(dst);
    if (n < 0 && ended.compareAndSet(false, true)) {
      onEnd.run();
    }
    return n;
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
