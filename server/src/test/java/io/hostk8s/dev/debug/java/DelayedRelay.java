package io.hostk8s.dev.debug.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback TCP relay that connects its first client to the target only after a delay (a slow forward). */
final class DelayedRelay implements AutoCloseable {
  private final ServerSocket listen;

  private DelayedRelay(int targetPort, long delayMs) throws IOException {
    listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket client = listen.accept()) {
        Thread.sleep(delayMs);
        try (Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
          Thread back = pump(target.getInputStream(), client.getOutputStream());
          pump(client.getInputStream(), target.getOutputStream()).join();
          back.join();
        }
      } catch (IOException | InterruptedException e) {
        // relay over
      }
    }, "delayed-relay");
    t.setDaemon(true);
    t.start();
  }

  static DelayedRelay to(int targetPort, long delayMs) throws IOException {
    return new DelayedRelay(targetPort, delayMs);
  }

  int port() {
    return listen.getLocalPort();
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(out);
      } catch (IOException e) {
        // one side closed
      }
    }, "relay-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() throws IOException {
    listen.close();
  }
}
