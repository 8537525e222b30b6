package io.hostk8s.dev.rpc;

import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.util.ChannelStreams;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * Serves the owner's engine on a 0600 Unix socket so other front ends (CLI, a second IDE) use it instead of
 * starting a second engine. Status changes and events are pushed to every attached session.
 */
public final class EngineServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EngineServer.class.getName());
  private final Path socket;
  private final ServerSocketChannel server;
  private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
  private static final long ANSWER_WAIT_MS = 3_000;
  private final List<SocketChannel> sessions = new CopyOnWriteArrayList<>();
  private final Map<SocketChannel, InFlightRequests> inFlight = new ConcurrentHashMap<>();
  /** The bound socket file's identity: on close only this file is removed, never a successor's. */
  private final Object fileKey;

  private EngineServer(Path socket, ServerSocketChannel server, Object fileKey) {
    this.socket = socket;
    this.server = server;
    this.fileKey = fileKey;
  }

  /** Binds the socket; fails with ENGINE_ALREADY_RUNNING when a live owner answers there. */
  public static EngineServer start(Path socket, Engine engine) {
    try {
      Files.createDirectories(socket.getParent());
      Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx------"));
      try (OwnerLock lock = OwnerLock.acquire(socket.getParent())) {
        return bind(socket, engine);
      }
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.ENGINE_UNREACHABLE, "Cannot open the engine socket " + socket + ": " + e.getMessage(),
          List.of("Check that " + socket.getParent() + " is writable."), true, e);
    }
  }

  /** Checks for a live owner and binds, while holding the owner lock (so two racing front ends never both bind). */
  private static EngineServer bind(Path socket, Engine engine) throws IOException {
    if (Files.exists(socket)) {
      if (EngineLocator.isAlive(socket)) {
        throw HostK8sException.user(ErrorCode.ENGINE_ALREADY_RUNNING, "Another hostk8s-dev engine owns this workspace (" + socket + ").",
            "Use that session (hostk8s-dev status talks to it), or stop it first.");
      }
      Files.delete(socket);
    }
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    ch.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    EngineServer s = new EngineServer(socket, ch, fileKey(socket));
    engine.onStatus(st -> s.listeners.forEach(l -> safe(() -> l.statusChanged(st))));
    engine.onEvent(ev -> s.listeners.forEach(l -> safe(() -> l.event(ev))));
    engine.onLog(b -> s.listeners.forEach(l -> safe(() -> l.log(b))));
    Thread t = new Thread(() -> s.acceptLoop(engine), "engine-socket");
    t.setDaemon(true);
    t.start();
    LOG.info("engine serving on " + socket);
    return s;
  }

  private void acceptLoop(Engine engine) {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        sessions.add(ch);
        EngineSession session = new EngineSession(engine);
        InFlightRequests requests = new InFlightRequests();
        inFlight.put(ch, requests);
        Launcher<EngineListener> launcher = new Launcher.Builder<EngineListener>()
            .setLocalService(session).setRemoteInterface(EngineListener.class)
            .setInput(ChannelStreams.in(ch)).setOutput(ChannelStreams.out(ch)).wrapMessages(requests::wrap).create();
        EngineListener remote = launcher.getRemoteProxy();
        session.connect(remote);
        listeners.add(remote);
        Thread t = new Thread(() -> {
          try {
            launcher.startListening().get();
          } catch (Exception e) {
            LOG.log(Level.FINE, "engine client left", e);
          } finally {
            listeners.remove(remote);
            sessions.remove(ch);
            inFlight.remove(ch);
          }
        }, "engine-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.log(Level.WARNING, "engine socket accept failed", e);
        }
      }
    }
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // a client went away; its session thread cleans up
    }
  }

  public Path socket() {
    return socket;
  }

  private static Object fileKey(Path socket) {
    try {
      return Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Stops serving: the socket and every attached front end's connection close, before the engine stops its work, so
   * attached front ends see their owner go away (and take over) instead of their work being stopped. Requests already
   * running get up to {@value #ANSWER_WAIT_MS} ms to be answered first: the one that ended the owner's last work
   * (a `forward stop` from another terminal) gets its result, not 1200.
   */
  @Override
  public void close() {
    try {
      server.close(); // no new front end attaches meanwhile
      long deadline = System.nanoTime() + Duration.ofMillis(ANSWER_WAIT_MS).toNanos();
      for (InFlightRequests r : inFlight.values()) {
        long left = deadline - System.nanoTime();
        if (left > 0 && !r.awaitAnswered(Duration.ofNanos(left))) {
          LOG.fine("closing with " + r.open() + " request(s) of an attached front end unanswered");
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing engine socket", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SocketChannel ch : sessions) {
      try {
        ch.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing an engine session", e);
      }
    }
    try {
      server.close();
      Object now = fileKey(socket);
      if (now != null && now.equals(fileKey)) {
        Files.deleteIfExists(socket);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing engine socket", e);
    }
  }
}
