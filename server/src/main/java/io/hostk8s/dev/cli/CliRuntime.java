package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.rpc.EngineLocator;
import io.hostk8s.dev.rpc.RemoteEngine;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;

/** Runs one engine command for the CLI: through the workspace's owner if one runs, else in this process. */
final class CliRuntime {
  private CliRuntime() {}

  /** The workspace: --workspace, else the nearest parent of the current dir with hostk8s.dev.yaml or .hostk8s/. */
  static Path workspace(CliOptions o) {
    if (o.workspace != null) {
      return o.workspaceRoot();
    }
    Path cwd = o.workspaceRoot();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("hostk8s.dev.yaml")) || Files.isDirectory(p.resolve(".hostk8s"))) {
        return p;
      }
    }
    return cwd;
  }

  static void initLogging(CliOptions o) {
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(o.verbose ? Level.FINE : Level.WARNING);
    LogSetup.init(null, o.verbose ? Level.FINE : Level.INFO, console);
  }

  /**
   * The socket of the workspace's live engine owner, when this command should use it: always, except with an
   * explicit --kubeconfig or --target (the owner may be on another cluster).
   */
  static Optional<Path> liveOwner(CliOptions o) {
    return !o.ownCluster() ? EngineLocator.liveOwner(workspace(o).resolve(".hostk8s")) : Optional.empty();
  }

  /** An engine in this process that ends with the command, on the options' cluster. */
  static LocalEngine observed(CliOptions o, String frontEnd) {
    return Engines.local(workspace(o), System.getenv(), o.kubeconfig, o.targetOverride(), "observed", frontEnd,
        DebugAdapterHost.NONE);
  }

  /** For one-shot commands: the workspace's owner if one runs, else an "observed" engine that ends with the command. */
  static Engine engine(CliOptions o) {
    Path root = workspace(o);
    Optional<Path> owner = liveOwner(o);
    if (owner.isPresent()) {
      return RemoteEngine.connect(owner.get(), "cli");
    }
    return observed(o, "cli");
  }

  /** Executes {@code commandId}; prints JSON (--json) or {@code human}; returns the exit code. */
  static int run(CliOptions o, String commandId, CommandArgs args, PrintWriter out, PrintWriter err,
      Function<JsonElement, String> human, Function<JsonElement, Integer> exitCode) {
    return run(o, commandId, args, out, err, human, exitCode, false);
  }

  /**
   * The same; {@code inThisProcess}: never through the workspace's owner (cloud commands: the token is this
   * terminal's {@code DIGITALOCEAN_ACCESS_TOKEN}, which the owner's process does not have).
   */
  static int run(CliOptions o, String commandId, CommandArgs args, PrintWriter out, PrintWriter err,
      Function<JsonElement, String> human, Function<JsonElement, Integer> exitCode, boolean inThisProcess) {
    initLogging(o);
    CliProgress progress = new CliProgress(err, o.json || !(o.verbose || System.console() != null));
    CompletableFuture<?>[] running = new CompletableFuture<?>[1];
    // Ctrl-C / SIGTERM: cancel, then hold the JVM until the command has stopped its processes (at most 15 s)
    Thread onCtrlC = new Thread(() -> {
      progress.cancel();
      CompletableFuture<?> f = running[0];
      if (f != null) {
        try {
          f.get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // cancelled or failed: either way it has stopped
        }
      }
    });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (Engine engine = inThisProcess ? observed(o, "cli") : engine(o)) {
      CompletableFuture<Object> f = engine.execute(commandId, args, progress);
      running[0] = f;
      Object result = f.join();
      JsonElement tree = result instanceof JsonElement je ? je : Json.GSON.toJsonTree(result);
      out.println(o.json ? Json.PRETTY.toJson(tree) : human.apply(tree));
      out.flush();
      return exitCode.apply(tree);
    } catch (CancellationException e) {
      err.println("cancelled");
      return CliErrors.FAILURE;
    } catch (RuntimeException e) {
      CliErrors.print(e, err);
      return CliErrors.FAILURE;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
  }
}
