package io.hostk8s.dev.dap;

import io.hostk8s.dev.util.ChannelStreams;
import java.io.Closeable;
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
    return new IdeChannel(ChannelStreams.in(ch), ChannelStreams.out(ch), ch::shutdownOutput, ch);
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
