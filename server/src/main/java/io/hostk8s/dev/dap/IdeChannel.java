package io.hostk8s.dev.dap;

import io.hostk8s.dev.util.ChannelStreams;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/** One IDE connection's bytes, over TCP or a Unix domain socket; closing sends what was written first. */
final class IdeChannel implements AutoCloseable {
  private final InputStream in;
  private final OutputStream out;
  private final Closeable finishOutput;
  private final Closeable connection;

  private IdeChannel(InputStream in, OutputStream out, Closeable finishOutput, Closeable connection) {
    this.in = in;
    this.out = out;
    this.finishOutput = finishOutput;
    this.connection = connection;
  }

  static IdeChannel tcp(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return new IdeChannel(s.getInputStream(), s.getOutputStream(), s::shutdownOutput, s);
  }

  static IdeChannel unix(SocketChannel ch) {
    return new IdeChannel(ChannelStreams.in(ch), new InterruptSafe(ChannelStreams.out(ch)), ch::shutdownOutput, ch);
  }

  /**
   * A channel is closed for good when a thread writes to it while interrupted — and answers are written from a
   * session's worker threads, which its executor interrupts when the session ends (the {@code disconnect} answer was
   * lost that way). Writes run with the flag cleared; it is restored afterwards.
   */
  private static final class InterruptSafe extends FilterOutputStream {
    InterruptSafe(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      boolean interrupted = Thread.interrupted();
      try {
        out.write(b, off, len);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  InputStream in() {
    return in;
  }

  OutputStream out() {
    return out;
  }

  @Override
  public void close() {
    try {
      finishOutput.close();
    } catch (IOException ignored) {
      // already closed or reset
    }
    try {
      connection.close();
    } catch (IOException ignored) {
      // gone
    }
  }
}
