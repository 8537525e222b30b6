package io.hostk8s.dev.debug;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A DAP connection over TCP (debugpy's adapter, through a port-forward). Buffered, no Nagle delay. */
public final class SocketDapConnection implements DapConnection {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private SocketDapConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  /** Connects; fails with the IOException (refused, timeout) for the caller to retry. */
  public static SocketDapConnection connect(String host, int port, Duration timeout) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return new SocketDapConnection(s);
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public InputStream in() {
    return in;
  }

  @Override
  public OutputStream out() {
    return out;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
