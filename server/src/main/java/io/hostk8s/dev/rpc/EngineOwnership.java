package io.hostk8s.dev.rpc;

import io.hostk8s.dev.cluster.ClusterWatcher;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One engine per workspace: the first long-lived front end (IDE server or {@code hostk8s-dev dev}) becomes the
 * owner and serves .hostk8s/engine/engine.sock; later ones attach to it.
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
    return own(root, env, kubeconfig, frontEnd);
  }

  /** Becomes the owner (fails when a live owner exists). */
  public static LocalEngine own(Path root, Map<String, String> env, Path kubeconfig, String frontEnd) {
    LocalEngine engine = Engines.local(root, env, kubeconfig, "owner", frontEnd);
    Path state = engine.services().workspace().stateDir();
    ignoreStateDir(state);
    EngineServer server = EngineServer.start(EngineLocator.socketOf(state), engine);
    engine.onClose(server::close);
    // the owner watches the cluster (informers), so status is pushed on change instead of polled
    ClusterWatcher watcher = ClusterWatcher.start(engine.services());
    engine.onClose(watcher::close);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "engine-socket-cleanup"));
    return engine;
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
