package io.hostk8s.dev.forward;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Local ports of one engine's forwards: the preferred port when one is configured or asked for; else the port
 * this engine used before for (service, name); else a port derived from "service/name" (so the same forward gets
 * the same port across engine restarts when it is free), walking forward past busy ones. Always 127.0.0.1.
 */
public final class LocalPorts {
  static final int BASE = 20000;
  static final int SPAN = 10000;
  private final Map<String, Integer> remembered = new HashMap<>();

  /**
   * A free port on 127.0.0.1 for {@code key} by the same stable scheme, for a process that binds it itself
   * (remembered by this instance; free when checked — another process could still take it first).
   */
  public synchronized int freePort(String key) {
    ServerSocketChannel ch = bind(key, "", null);
    int port = ((InetSocketAddress) address(ch)).getPort();
    try {
      ch.close();
    } catch (IOException ignored) {
      // closed anyway
    }
    return port;
  }

  /** Binds a listening channel on 127.0.0.1 for (service, name); remembers the port. */
  public LocalPorts() {}

  synchronized ServerSocketChannel bind(String service, String name, Integer preferred) {
    String key = service + "/" + name;
    if (preferred != null && preferred > 0) {
      ServerSocketChannel ch = tryBind(preferred);
      if (ch == null) {
        throw HostK8sException.user(ErrorCode.FORWARD_PORT_IN_USE, "Cannot forward " + key + " on 127.0.0.1:" + preferred
            + ": the port is in use.", "Stop what listens there (ss -ltnp 'sport = :" + preferred + "'), or choose another local port.");
      }
      remembered.put(key, preferred);
      return ch;
    }
    Integer before = remembered.get(key);
    int start = before != null ? before : BASE + Math.floorMod(key.hashCode(), SPAN);
    for (int i = 0; i < 64; i++) {
      int port = BASE + Math.floorMod(start - BASE + i, SPAN);
      ServerSocketChannel ch = tryBind(port);
      if (ch != null) {
        remembered.put(key, port);
        return ch;
      }
    }
    ServerSocketChannel ch = tryBind(0);
    if (ch == null) {
      throw HostK8sException.user(ErrorCode.FORWARD_PORT_IN_USE, "No free local port for " + key + ".", "Free some ports on 127.0.0.1.");
    }
    remembered.put(key, ((InetSocketAddress) address(ch)).getPort());
    return ch;
  }

  private static ServerSocketChannel tryBind(int port) {
    try {
      ServerSocketChannel ch = ServerSocketChannel.open();
      try {
        ch.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        return ch;
      } catch (IOException e) {
        ch.close();
        return null;
      }
    } catch (IOException e) {
      return null;
    }
  }

  static java.net.SocketAddress address(ServerSocketChannel ch) {
    try {
      return ch.getLocalAddress();
    } catch (IOException e) {
      throw HostK8sException.internal("listening socket closed", e);
    }
  }
}
