package io.hostk8s.dev.dap;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.debug.DebugForwarding;
import io.hostk8s.dev.debug.DebugRuntimes;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.debug.DebugTargets;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's debug adapter for debug type {@code hostk8s} (an {@code EngineServices} feature): a loopback
 * TCP port; each connection is one IDE debug session. Closed with the engine (sessions end, debuggees keep running).
 */
public final class DapServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DapServer.class.getName());
  private final ServerSocket server;
  private final DebugSessions sessions;
  private final DebugTargets targets;
  private final RequestDispatcher dispatcher = new RequestDispatcher();
  private final Set<IdeConnection> connections = ConcurrentHashMap.newKeySet();

  private DapServer(ServerSocket server, DebugSessions sessions, DebugTargets targets) {
    this.server = server;
    this.sessions = sessions;
    this.targets = targets;
  }

  /** The engine's adapter's address, starting it on first use (the engine's {@link DebugAdapterHost}). */
  public static DebugAdapterHost.Endpoint endpoint(EngineServices engine) {
    DapServer d = of(engine);
    return new DebugAdapterHost.Endpoint(d.host(), d.port());
  }

  /** The engine's adapter, started on first use. */
  public static DapServer of(EngineServices engine) {
    return engine.feature(DapServer.class, DapServer::start);
  }

  private static DapServer start(EngineServices engine) {
    try {
      ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      DapServer d = new DapServer(s, DebugSessions.of(engine),
          new DebugTargets(engine, DebugRuntimes.standard(), DebugForwarding::forwards));
      Thread t = new Thread(d::acceptLoop, "dap-accept");
      t.setDaemon(true);
      t.start();
      LOG.info("debug adapter listening on 127.0.0.1:" + s.getLocalPort());
      return d;
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.DEBUG_ENDPOINT_UNAVAILABLE, "Cannot open the debug adapter port: " + e.getMessage(),
          List.of("Check that loopback networking works (127.0.0.1)."), true, e);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        IdeConnection c = new IdeConnection(s, dispatcher, sessions, targets);
        connections.add(c);
        Thread t = new Thread(() -> {
          try {
            c.serve();
          } finally {
            connections.remove(c);
          }
        }, "dap-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException | RuntimeException e) {
        if (!server.isClosed()) {
          LOG.log(Level.WARNING, "debug adapter accept failed", e);
        }
      }
    }
  }

  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.forEach(IdeConnection::close);
  }
}
