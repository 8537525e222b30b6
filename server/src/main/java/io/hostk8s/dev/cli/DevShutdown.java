package io.hostk8s.dev.cli;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.LocalEngine;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How {@code hostk8s-dev dev} ends — on Ctrl-C in any phase (sandbox start, build, rollout wait, the running loop),
 * on an error, or after {@code --once}: cancel what is still running, stop the sandbox if this {@code dev} started
 * it (a sandbox that was already running stays, and the last line says so and how to stop it), close the engine.
 * Runs once, whichever comes first; bounded so one Ctrl-C ends {@code dev} within a few seconds.
 */
final class DevShutdown {
  private static final long CANCEL_WAIT_MS = 2_000;
  private static final long SANDBOX_DOWN_WAIT_S = 20;
  private final LocalEngine engine;
  private final CliProgress progress;
  private final PrintWriter out;
  private final PrintWriter err;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile CompletableFuture<?> running;
  private volatile boolean sandboxStartedHere;
  private volatile boolean sandboxKept;

  DevShutdown(LocalEngine engine, CliProgress progress, PrintWriter out, PrintWriter err) {
    this.engine = engine;
    this.progress = progress;
    this.out = out;
    this.err = err;
  }

  /** The command now running (cancelled on shutdown). */
  <T extends CompletableFuture<?>> T track(T future) {
    running = future;
    return future;
  }

  /** Decides what a shutdown stops: the sandbox only if it was not running before {@code dev} started. */
  void sandbox(boolean used, boolean wasRunning) {
    sandboxStartedHere = used && !wasRunning;
    sandboxKept = used && wasRunning;
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
    if (sandboxStartedHere) {
      try {
        engine.execute("hostk8s.sandbox.down", CommandArgs.none(), new CliProgress(err, false)).get(SANDBOX_DOWN_WAIT_S, TimeUnit.SECONDS);
        say("dev stopped; the sandbox it started and its pods are stopped too.");
      } catch (Exception e) {
        say("dev stopped, but stopping the sandbox failed (" + e.getMessage() + "): run ./hostk8s-dev sandbox down");
      }
    } else if (sandboxKept) {
      say("dev stopped. The sandbox was running before dev started and keeps running (its pods too); "
          + "stop it with: ./hostk8s-dev sandbox down");
    } else {
      say("dev stopped; the cluster keeps running (./hostk8s-dev status).");
    }
    engine.close();
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
