package io.hostk8s.dev.testbed.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A stable loopback port that forwards each accepted connection to a backend port resolved at connect time
 * (the "kube-proxy" of one Service port). No backend: the connection is closed at once.
 */
public final class TcpRelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TcpRelay.class.getName());

  private final ServerSocket server;
  private final Supplier<Integer> backend;
  private final String name;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  public TcpRelay(String name, Supplier<Integer> backend) {
    this(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backend);
  }

  /**
   * A relay listening on {@code bind} (e.g. a load balancer's {@code 127.0.0.N:80}); backends are still reached on
   * 127.0.0.1. Throws {@link UncheckedIOException} (cause {@link java.net.BindException}) when it cannot bind.
   */
  public TcpRelay(String name, InetSocketAddress bind, Supplier<Integer> backend) {
    this.name = name;
    this.backend = backend;
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.bind(bind, 50);
    } catch (IOException e) {
      Pipes.closeQuietly(socket);
      throw new UncheckedIOException(e);
    }
    server = socket;
    Thread t = new Thread(this::acceptLoop, "relay-" + name);
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Integer port = backend.get();
        if (port == null) {
          LOG.fine(() -> name + ": no ready backend");
          Pipes.closeQuietly(client);
          continue;
        }
        Socket target = new Socket();
        try {
          target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        } catch (IOException e) {
          Pipes.closeQuietly(client);
          Pipes.closeQuietly(target);
          continue;
        }
        open.add(target);
        Pipes.bridge(client, target, "relay-" + name);
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.fine(() -> name + ": accept failed: " + e);
        }
      }
      open.removeIf(Socket::isClosed);
    }
  }

  @Override
  public void close() {
    Pipes.closeQuietly(server);
    open.forEach(Pipes::closeQuietly);
  }
}
