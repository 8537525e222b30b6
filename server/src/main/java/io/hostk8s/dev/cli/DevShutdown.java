package io.hostk8s.dev.cli;

import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.EngineWork;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How {@code hostk8s-dev dev} ends — on Ctrl-C in any phase (sandbox start, build, rollout wait, the running loop),
 * on an error, or after {@code --once}: cancel what is still running, stop the sandbox if this {@code dev} started
 * it (a sandbox that was already running stays, and the last line says so and how to stop it), and stop only what
 * dev started: attached to another front end's engine (the IDE's, a CLI's), dev stops its own sync sessions,
 * forwards and log follows and leaves the rest; owning the engine, it closes it (commands of other terminals that
 * used it take it over). Runs once, whichever comes first; bounded so one Ctrl-C ends {@code dev} within seconds.
 */
final class DevShutdown {
  private static final long CANCEL_WAIT_MS = 2_000;
  private static final long SANDBOX_DOWN_WAIT_S = 20;
  private static final long STOP_WAIT_S = 5;
  private final WorkspaceEngine.Handle handle;
  private final CliProgress progress;
  private final PrintWriter out;
  private final PrintWriter err;
  private final AtomicBoolean done = new AtomicBoolean();
  private final List<String[]> stops = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<?> running;
  private volatile boolean sandboxStartedHere;
  private volatile boolean sandboxKept;

  DevShutdown(WorkspaceEngine.Handle handle, CliProgress progress, PrintWriter out, PrintWriter err) {
    this.handle = handle;
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

  /** dev started the sync of {@code service} (it was off before). */
  void syncStarted(String service) {
    stops.add(new String[] {CommandIds.SYNC_STOP, service, null, "sync " + service});
  }

  /** dev opened the forward {@code service/name} (it was not open before). */
  void forwardOpened(String service, String name) {
    stops.add(new String[] {CommandIds.FORWARD_STOP, service, name, "forward " + service + "/" + name});
  }

  /** dev started following {@code service}'s log. */
  void logFollowed(String service) {
    stops.add(new String[] {CommandIds.LOGS_STOP, service, null, "logs -f " + service});
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
    Engine engine = handle.engine();
    if (sandboxStartedHere) {
      try {
        engine.execute(CommandIds.SANDBOX_DOWN, CommandArgs.none(), new CliProgress(err, false)).get(SANDBOX_DOWN_WAIT_S, TimeUnit.SECONDS);
        say("dev stopped; the sandbox it started and its pods are stopped too.");
      } catch (Exception e) {
        say("dev stopped, but stopping the sandbox failed (" + e.getMessage() + "): run ./hostk8s-dev sandbox down");
      }
    } else {
      String work = handle.owner() ? ownedWork() : stopOwnWork();
      if (sandboxKept) {
        say("dev stopped" + work + ". The sandbox was running before dev started and keeps running (its pods too); "
            + "stop it with: ./hostk8s-dev sandbox down");
      } else {
        say("dev stopped" + work + "; the cluster keeps running (./hostk8s-dev status).");
      }
    }
    engine.close();
  }

  /** Attached: stops what dev started; returns the words for the last line. */
  private String stopOwnWork() {
    List<String> stopped = new ArrayList<>();
    for (String[] s : stops) {
      JsonObject args = new JsonObject();
      args.addProperty("service", s[1]);
      if (s[2] != null) {
        args.addProperty("name", s[2]);
      }
      try {
        handle.engine().execute(s[0], CommandArgs.named(args), Progress.NONE).get(STOP_WAIT_S, TimeUnit.SECONDS);
        stopped.add(s[3]);
      } catch (Exception e) {
        say("stopping " + s[3] + " failed: " + e.getMessage());
      }
    }
    return (stopped.isEmpty() ? "" : " (and stopped what it started: " + String.join(", ", stopped) + ")")
        + "; the workspace's engine (pid " + handle.ownerPid() + ") keeps running what others started";
  }

  /** Owner: the engine closes with dev; names what else ran in it. */
  private String ownedWork() {
    List<String> all = EngineWork.of(handle.local().services());
    return all.isEmpty() ? "" : " with its engine (" + String.join(", ", all) + ")";
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
