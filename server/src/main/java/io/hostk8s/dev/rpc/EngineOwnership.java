package io.hostk8s.dev.rpc;

import io.hostk8s.dev.cluster.ClusterWatcher;
import io.hostk8s.dev.dap.DapServer;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One engine per workspace: the first long-lived front end (IDE server, {@code hostk8s-dev dev}, or a CLI command
 * that keeps work running: {@code sync SERVICE}, {@code forward}, {@code logs -f}, {@code local}) becomes the owner
 * and serves .hostk8s/engine/engine.sock; later ones attach to it. Checking for a live owner and binding happen
 * under one lock ({@link OwnerLock}), so racing front ends never give two owners.
 */
public final class EngineOwnership {
  private static final Logger LOG = Logger.getLogger(EngineOwnership.class.getName());

  private EngineOwnership() {}

  /** Attaches to a live owner, or becomes the owner. */
  public static Engine ownOrAttach(Path root, Map<String, String> env, Path kubeconfig, String frontEnd) {
    Path state = root.resolve(".hostk8s");
    Optional<Path> owner = EngineLocator.liveOwner(state);
    if (owner.isPresent()) {
      LOG.info("attaching to the engine at " + owner.get());
      return RemoteEngine.connect(owner.get(), frontEnd);
    }
    try {
      return own(root, env, kubeconfig, frontEnd);
    } catch (HostK8sException e) {
      if (e.code() != ErrorCode.ENGINE_ALREADY_RUNNING) {
        throw e;
      }
      // another front end won the race for ownership between our look and our bind: use its engine
      LOG.info("another front end became the owner first; attaching");
      return RemoteEngine.connect(EngineLocator.socketOf(state), frontEnd);
    }
  }

  /** Becomes the owner (fails with ENGINE_ALREADY_RUNNING when a live owner exists, also one that won a race). */
  public static LocalEngine own(Path root, Map<String, String> env, Path kubeconfig, String frontEnd) {
    LocalEngine engine = Engines.local(root, env, kubeconfig, "owner", frontEnd, DapServer::endpoint);
    Path state = engine.services().workspace().stateDir();
    ignoreStateDir(state);
    EngineServer server;
    try {
      server = EngineServer.start(EngineLocator.socketOf(state), engine);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    // a clean stop tells each debug session in flight why it ends, before the attached front ends see the owner go
    engine.onClose(() -> endDebugSessions(engine));
    engine.onClose(server::close);
    // the owner watches the cluster (informers), so status is pushed on change instead of polled
    ClusterWatcher watcher = ClusterWatcher.start(engine.services());
    engine.onClose(watcher::close);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "engine-socket-cleanup"));
    return engine;
  }

  private static void endDebugSessions(LocalEngine engine) {
    DebugSessions sessions = engine.services().featureIfPresent(DebugSessions.class);
    if (sessions != null) {
      sessions.endAll("The workspace's engine stopped (its owner, pid " + ProcessHandle.current().pid() + ", exited), and this "
          + "debug session with it. An IDE whose server takes the engine over re-attaches the session by itself.");
    }
  }

  private static void ignoreStateDir(Path state) {
    try {
      Files.createDirectories(state);
      Path gi = state.resolve(".gitignore");
      if (!Files.exists(gi)) {
        Files.writeString(gi, "# HostK8s Dev runtime state (engine socket, logs, sandbox)\n*\n");
      }
    } catch (IOException e) {
      LOG.warning("cannot prepare " + state + ": " + e.getMessage());
    }
  }
}
