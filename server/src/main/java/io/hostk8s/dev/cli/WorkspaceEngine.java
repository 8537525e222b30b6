package io.hostk8s.dev.cli;

import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.rpc.EngineLocator;
import io.hostk8s.dev.rpc.EngineOwnership;
import io.hostk8s.dev.rpc.RemoteEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The engine of a CLI command whose work outlives a single request (sync, forward, logs -f, local, dev): the
 * workspace's engine. With a live owner the command attaches to it; with none, this process becomes the owner for
 * the command's lifetime — and says so — so every other terminal and the IDE see and stop its work. Two commands
 * racing for ownership never give two owners (the loser attaches to the winner).
 */
final class WorkspaceEngine {
  private WorkspaceEngine() {}

  /** The engine and whether this process owns it ({@code engine} is then a {@link LocalEngine}). */
  record Handle(Engine engine, boolean owner, String ownerPid) {
    LocalEngine local() {
      return (LocalEngine) engine;
    }
  }

  /** {@code what} names the command in the owner's status (e.g. "sync vote"). */
  static Handle obtain(CliOptions o, PrintWriter err, String what) {
    Path root = CliRuntime.workspace(o);
    Optional<Path> owner = CliRuntime.liveOwner(o);
    if (owner.isPresent()) {
      return attached(RemoteEngine.connect(owner.get(), "cli " + what), err);
    }
    if (o.target != null || o.kubeconfig != null && EngineLocator.liveOwner(root.resolve(".hostk8s")).isPresent()) {
      say(err, (o.target != null ? "--target" : "--kubeconfig") + " given, so " + what + " runs in an engine of its own, "
          + "not in the workspace's: it ends with this command and other terminals do not see it.");
      return new Handle(CliRuntime.observed(o, "cli " + what), false, null);
    }
    try {
      LocalEngine engine = EngineOwnership.own(root, System.getenv(), o.kubeconfig, "cli " + what);
      say(err, "no engine was running for this workspace, so this command runs it until it ends: other terminals and the IDE "
          + "use it (hostk8s-dev status, forward list, … stop); Ctrl-C here stops it and everything it runs.");
      return new Handle(engine, true, String.valueOf(ProcessHandle.current().pid()));
    } catch (HostK8sException e) {
      if (e.code() != ErrorCode.ENGINE_ALREADY_RUNNING) {
        throw e;
      }
      // another command became the owner between our look and our bind: use its engine
      return attached(RemoteEngine.connect(EngineLocator.socketOf(root.resolve(".hostk8s")), "cli " + what), err);
    }
  }

  private static Handle attached(RemoteEngine engine, PrintWriter err) {
    EngineInfo info = engine.status().engine();
    String pid = info == null ? "?" : String.valueOf(info.pid());
    String by = info == null ? "" : ", " + info.frontEnd().replaceFirst("^.* → ", "");
    say(err, "using the workspace's engine (pid " + pid + by + ")");
    return new Handle(engine, false, pid);
  }

  static void say(PrintWriter err, String line) {
    synchronized (err) {
      err.println("[hostk8s] " + line);
      err.flush();
    }
  }
}
