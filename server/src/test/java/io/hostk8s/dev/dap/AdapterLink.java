package io.hostk8s.dev.dap;

import io.hostk8s.dev.util.ChannelStreams;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A test client's connection to the debug adapter: its Unix socket (as VS Code connects) or TCP (as LSP4IJ). */
public final class AdapterLink implements Closeable {
  public final InputStream in;
  public final OutputStream out;
  private final Closeable connection;

  private AdapterLink(InputStream in, OutputStream out, Closeable connection) {
    this.in = in;
    this.out = out;
    this.connection = connection;
  }

  /** The adapter's Unix socket: no token needed. */
  public static AdapterLink unix(DapServer server) throws IOException {
    return unix(server.path());
  }

  public static AdapterLink unix(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return new AdapterLink(ChannelStreams.in(ch), ChannelStreams.out(ch), ch);
  }

  /** Loopback TCP: attach/launch must carry the adapter's token. */
  public static AdapterLink tcp(String host, int port) throws IOException {
    Socket s = new Socket(host, port);
    return new AdapterLink(s.getInputStream(), s.getOutputStream(), s);
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
