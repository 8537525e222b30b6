package io.hostk8s.dev.dap;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.debug.DebugForwarding;
import io.hostk8s.dev.debug.DebugRuntimes;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.debug.DebugTargets;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's debug adapter for debug type {@code hostk8s} (an {@code EngineServices} feature); each connection is
 * one IDE debug session. Two doors: a Unix domain socket (0600, in the workspace's 0700 {@code .hostk8s/engine/}),
 * which only the workspace's user can open, and a loopback TCP port for clients that need host:port, whose
 * connections must show the adapter's {@link AccessToken} ({@link ConnectionGate}). Closed with the engine
 * (sessions end, debuggees keep running).
 */
public final class DapServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DapServer.class.getName());
  private final ServerSocket tcp;
  private final UnixDapListener unix;
  private final AccessToken token = AccessToken.random();
  private final DebugSessions sessions;
  private final DebugTargets targets;
  private final RequestDispatcher dispatcher = new RequestDispatcher();
  private final Set<IdeConnection> connections = ConcurrentHashMap.newKeySet();

  private DapServer(ServerSocket tcp, UnixDapListener unix, DebugSessions sessions, DebugTargets targets) {
    this.tcp = tcp;
    this.unix = unix;
    this.sessions = sessions;
    this.targets = targets;
  }

  /** The engine's adapter's address, starting it on first use (the engine's {@link DebugAdapterHost}). */
  public static DebugEndpoint endpoint(EngineServices engine) {
    DapServer d = of(engine);
    return new DebugEndpoint(d.path() == null ? null : d.path().toString(), d.host(), d.port(), d.token.value());
  }

  /** The engine's adapter, started on first use. */
  public static DapServer of(EngineServices engine) {
    return engine.feature(DapServer.class, DapServer::start);
  }

  private static DapServer start(EngineServices engine) {
    ServerSocket s;
    try {
      s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.DEBUG_ENDPOINT_UNAVAILABLE, "Cannot open the debug adapter port: " + e.getMessage(),
          List.of("Check that loopback networking works (127.0.0.1)."), true, e);
    }
    UnixDapListener unix = unixListener(engine.workspace().stateDir().resolve("engine"));
    DapServer d = new DapServer(s, unix, DebugSessions.of(engine),
        new DebugTargets(engine, DebugRuntimes.standard(), DebugForwarding::forwards));
    d.acceptLoop("dap-accept-tcp", () -> !s.isClosed(), () -> IdeChannel.tcp(s.accept()), () -> ConnectionGate.tokenRequired(d.token));
    if (unix != null) {
      d.acceptLoop("dap-accept-unix", unix::isOpen, () -> IdeChannel.unix(unix.accept()), ConnectionGate::trusted);
    }
    LOG.info("debug adapter listening on " + (unix == null ? "" : unix.path() + " and ") + "127.0.0.1:" + s.getLocalPort()
        + " (TCP connections need the token)");
    return d;
  }

  /** The socket, or null (TCP only) when it cannot be made, e.g. a workspace path too long for a socket address. */
  private static UnixDapListener unixListener(Path dir) {
    try {
      return UnixDapListener.bind(dir);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "no debug adapter socket in " + dir + " (TCP with its token only): " + e.getMessage(), e);
      return null;
    }
  }

  private interface Accept {
    IdeChannel next() throws IOException;
  }

  private void acceptLoop(String name, BooleanSupplier open, Accept accept, Supplier<ConnectionGate> gate) {
    Thread t = new Thread(() -> {
      while (open.getAsBoolean()) {
        try {
          serve(accept.next(), gate.get());
        } catch (IOException | RuntimeException e) {
          if (open.getAsBoolean()) {
            LOG.log(Level.WARNING, "debug adapter accept failed", e);
          }
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private void serve(IdeChannel channel, ConnectionGate gate) {
    IdeConnection c = new IdeConnection(channel, gate, dispatcher, sessions, targets);
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
  }

  public String host() {
    return tcp.getInetAddress().getHostAddress();
  }

  public int port() {
    return tcp.getLocalPort();
  }

  /** The Unix socket's path, or null when there is none (TCP only). */
  public Path path() {
    return unix == null ? null : unix.path();
  }

  /** The secret TCP connections must pass as the {@code token} argument of attach/launch. Never log it. */
  public String token() {
    return token.value();
  }

  @Override
  public void close() {
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    if (unix != null) {
      unix.close();
    }
    connections.forEach(IdeConnection::close);
  }
}
