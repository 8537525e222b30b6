package io.hostk8s.dev.testbed.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Byte pumps between sockets, each on its own daemon thread. */
public final class Pipes {

  private Pipes() {
  }

  /** Copies both directions between {@code a} and {@code b}; closes both when either side ends. */
  public static void bridge(Socket a, Socket b, String name) {
    pump(a, b, name + "-up");
    pump(b, a, name + "-down");
  }

  private static void pump(Socket from, Socket to, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        // peer gone
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  public static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // ignore
    }
  }
}
