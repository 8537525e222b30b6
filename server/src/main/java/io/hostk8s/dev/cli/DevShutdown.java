package io.hostk8s.dev.cli;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.EngineWork;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DevStopArgs;
import io.hostk8s.dev.protocol.commands.results.DevStopResult;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How {@code hostk8s-dev dev} ends — on Ctrl-C in any phase (sandbox start, build, rollout wait, the running loop),
 * on an error, or after {@code --once}: cancel what is still running, then {@code hostk8s.dev.stop} for this run,
 * which stops the sandbox if the run started it (a sandbox that was already running stays, and the last line says so
 * and how to stop it) and otherwise only what the run started. Attached to another front end's engine (the one it
 * uses now: after a take-over dev may own it), the rest keeps running there; owning the engine, dev closes it (commands of other terminals that used it take it over). Runs
 * once, whichever comes first; bounded so one Ctrl-C ends {@code dev} within seconds.
 */
final class DevShutdown {
  private static final long CANCEL_WAIT_MS = 2_000;
  private static final long STOP_WAIT_S = 20;
  private final Engine engine;
  private final Supplier<WorkspaceEngine.Handle> handle;
  private final String run;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CliProgress progress;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile CompletableFuture<?> running;

  /** {@code engine}: the one dev runs in (taken over when its owner goes); {@code handle}: which it is now. */
  DevShutdown(Engine engine, Supplier<WorkspaceEngine.Handle> handle, String run, PrintWriter out, PrintWriter err,
      CliProgress progress) {
    this.engine = engine;
    this.handle = handle;
    this.run = run;
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /** The command now running (cancelled on shutdown). */
  <T extends CompletableFuture<?>> T track(T future) {
    running = future;
    return future;
  }

  /** Registers {@link #run} as the JVM's reaction to Ctrl-C / SIGTERM. */
  DevShutdown onSignal() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::run, "dev-shutdown"));
    return this;
  }

  /** Whether the shutdown has begun (then a cancelled command's error is not news to the user). */
  boolean started() {
    return done.get();
  }

  void run() {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    progress.cancel();
    CompletableFuture<?> f = running;
    if (f != null && !f.isDone()) {
      try {
        f.get(CANCEL_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (Exception ignored) {
        // cancelled or failed: it has stopped, or it is abandoned with the JVM
      }
    }
    WorkspaceEngine.Handle now = handle.get();
    List<String> ranWithEngine = now.owner() ? EngineWork.of(now.local().services()) : List.of();
    try {
      Object r = engine.execute(CommandIds.DEV_STOP, CommandArgs.of(new DevStopArgs(run)), new CliProgress(err, false))
          .get(STOP_WAIT_S, TimeUnit.SECONDS);
      say(lastLine(Json.GSON.fromJson(Json.GSON.toJsonTree(r), DevStopResult.class), now, ranWithEngine));
    } catch (Exception e) {
      say("dev stopped, but stopping what it started failed (" + e.getMessage() + "): see ./hostk8s-dev status; "
          + "./hostk8s-dev sandbox down stops the sandbox");
    }
    engine.close();
  }

  private String lastLine(DevStopResult r, WorkspaceEngine.Handle handle, List<String> ranWithEngine) {
    if (r.sandboxStopped()) {
      return "dev stopped; the sandbox it started and its pods are stopped too.";
    }
    String sandboxFailure = r.failures().stream().filter(x -> x.startsWith("the sandbox: ")).findFirst().orElse(null);
    if (sandboxFailure != null) {
      return "dev stopped, but stopping the sandbox failed (" + sandboxFailure.substring("the sandbox: ".length())
          + "): run ./hostk8s-dev sandbox down";
    }
    r.failures().forEach(x -> say("stopping " + x.replaceFirst(": ", " failed: ")));
    String work;
    if (handle.owner()) { // the engine closes with dev: name what else ran in it
      work = ranWithEngine.isEmpty() ? "" : " with its engine (" + String.join(", ", ranWithEngine) + ")";
    } else {
      work = (r.stopped().isEmpty() ? "" : " (and stopped what it started: " + String.join(", ", r.stopped()) + ")")
          + "; the workspace's engine (pid " + handle.ownerPid() + ") keeps running what others started";
    }
    if (r.sandboxKept()) {
      return "dev stopped" + work + ". The sandbox was running before dev started and keeps running (its pods too); "
          + "stop it with: ./hostk8s-dev sandbox down";
    }
    return "dev stopped" + work + "; the cluster keeps running (./hostk8s-dev status).";
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
