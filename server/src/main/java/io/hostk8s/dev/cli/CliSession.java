package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.EngineWork;
import io.hostk8s.dev.engine.HandOverEngine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A CLI command that keeps work running until Ctrl-C (sync, a forward, a log follow, a local run), in the
 * workspace's engine ({@link WorkspaceEngine}: attached to the owner, or owning it for its lifetime). It ends when:
 * <ul>
 *   <li>Ctrl-C / SIGTERM — an attached command stops its work if it started it; an owner closes the engine (all
 *       it runs stops; attached commands of other terminals take the engine over and start their work again);</li>
 *   <li>its work is stopped elsewhere ({@code sync stop}, the IDE, {@code sandbox down}) — it says so and exits, or,
 *       as the owner while other work still runs in its engine, keeps running the engine for that work;</li>
 *   <li>never because the owner went away: it takes over (becomes the owner or attaches to the new one) and starts
 *       its work again.</li>
 * </ul>
 */
final class CliSession {
  private static final int MAX_TAKEOVERS = 5;
  private final String what;
  private String startId;
  private CommandArgs startArgs;
  private String stopId;
  private Supplier<CommandArgs> stopArgs = () -> null;
  private Consumer<Engine> beforeStart = e -> { };
  private BiConsumer<JsonElement, Engine> started = (r, e) -> { };
  private Predicate<HostK8sEvent> endedBy = e -> false;
  private final CompletableFuture<Void> ctrlC = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private volatile WorkspaceEngine.Handle current;
  private volatile HandOverEngine handOver;
  private volatile PrintWriter err;

  private CliSession(String what) {
    this.what = what;
  }

  /** {@code what} says what runs, e.g. "sync vote" or "the forward vote/http". */
  static CliSession of(String what) {
    return new CliSession(what);
  }

  CliSession start(String commandId, CommandArgs args) {
    this.startId = commandId;
    this.startArgs = args;
    return this;
  }

  /** The stop command; {@code args} is read at Ctrl-C: null means "not ours, leave it running". */
  CliSession stop(String commandId, Supplier<CommandArgs> args) {
    this.stopId = commandId;
    this.stopArgs = args;
    return this;
  }

  /** Subscribes to the engine before the start command runs (so no notice is missed); run again after a take-over. */
  CliSession beforeStart(Consumer<Engine> subscribe) {
    this.beforeStart = subscribe;
    return this;
  }

  /** Gets the start command's result (as JSON) and the engine. */
  CliSession started(BiConsumer<JsonElement, Engine> onStarted) {
    this.started = onStarted;
    return this;
  }

  /** The event that says this command's work was stopped elsewhere (e.g. {@code sync.stopped} for the service). */
  CliSession endsWhen(Predicate<HostK8sEvent> event) {
    this.endedBy = event;
    return this;
  }

  /** Runs until one of the endings above; returns the exit code (a failing start prints the error and returns 1). */
  int run(CliOptions o, PrintWriter err) {
    this.err = err;
    CliRuntime.initLogging(o);
    Thread hook = new Thread(this::onCtrlC, "cli-session-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    AtomicInteger obtained = new AtomicInteger();
    HandOverEngine engine;
    try {
      // the same take-over as the IDE's server: obtain the workspace's engine again whenever its owner goes away
      engine = HandOverEngine.start(() -> {
        if (obtained.getAndIncrement() > 0) {
          WorkspaceEngine.say(err, "the workspace's engine (pid " + current.ownerPid() + ") stopped; taking over " + what + ".");
        }
        WorkspaceEngine.Handle h = WorkspaceEngine.obtain(o, err, what);
        current = h;
        return h.engine();
      }, false);
    } catch (RuntimeException e) {
      CliErrors.print(e, err);
      return done(hook, CliErrors.FAILURE);
    }
    handOver = engine;
    CompletableFuture<String> ending = new CompletableFuture<>();
    AtomicBoolean armed = new AtomicBoolean();
    engine.onEvent(e -> {
      if (armed.get() && endedBy.test(e)) {
        ending.complete("stopped");
      }
    });
    engine.gaveUp().thenRun(() -> ending.complete("gave up"));
    engine.onTakeOver(t -> {
      if (obtained.get() > MAX_TAKEOVERS + 1) {
        ending.complete("gave up");
      } else if (!startWork(current, armed)) {
        ending.complete("failed");
      }
    });
    if (!startWork(current, armed)) {
      engine.close();
      return done(hook, CliErrors.FAILURE);
    }
    String why = CompletableFuture.anyOf(ending, ctrlC).thenApply(x -> ctrlC.isDone() ? "ctrl-c" : ending.join()).join();
    switch (why) {
      case "ctrl-c" -> {
        finished.join(); // the hook stops the work; the JVM ends with it
        return 0;
      }
      case "stopped" -> {
        WorkspaceEngine.say(err, what + " was stopped from elsewhere (a stop command, the IDE, or the cluster going away).");
        return done(hook, keepServingOthers(current, err));
      }
      case "gave up" -> {
        WorkspaceEngine.say(err, "the workspace's engine keeps going away; " + what + " ends here.");
        engine.close();
        return done(hook, CliErrors.FAILURE);
      }
      default -> {
        engine.close();
        return done(hook, CliErrors.FAILURE);
      }
    }
  }

  /** Runs the start command in {@code h}'s engine (again after a take-over); false (error printed) when it failed. */
  private boolean startWork(WorkspaceEngine.Handle h, AtomicBoolean armed) {
    armed.set(false);
    try {
      beforeStart.accept(h.engine());
      Object result = h.engine().execute(startId, startArgs, new CliProgress(err, true)).join();
      armed.set(true);
      started.accept(result instanceof JsonElement je ? je : Json.GSON.toJsonTree(result), h.engine());
      return true;
    } catch (RuntimeException e) {
      if (!ctrlC.isDone()) {
        CliErrors.print(e, err);
      }
      return false;
    }
  }

  /** As the owner, keeps the engine while other work (of other terminals, the IDE) runs in it; returns the exit code. */
  private int keepServingOthers(WorkspaceEngine.Handle h, PrintWriter err) {
    if (!h.owner()) {
      handOver.close();
      return 0;
    }
    List<String> others = EngineWork.of(h.local().services());
    if (others.isEmpty()) {
      handOver.close();
      return 0;
    }
    WorkspaceEngine.say(err, "this process keeps running the workspace's engine for " + String.join(", ", others)
        + " (started elsewhere); it ends when they do, Ctrl-C ends them now.");
    while (!ctrlC.isDone() && !EngineWork.of(h.local().services()).isEmpty()) {
      try {
        ctrlC.get(1, TimeUnit.SECONDS);
      } catch (Exception timeoutOrSignal) {
        // look again
      }
    }
    if (ctrlC.isDone()) {
      finished.join();
      return 0;
    }
    WorkspaceEngine.say(err, "nothing runs in the engine any more; it stops.");
    handOver.close();
    return 0;
  }

  /** Ctrl-C / SIGTERM: an attached command stops its own work (if it started it); an owner closes the engine. */
  private void onCtrlC() {
    ctrlC.complete(null);
    WorkspaceEngine.Handle h = current;
    try {
      if (h != null && h.owner()) {
        List<String> work = EngineWork.of(h.local().services());
        if (!work.isEmpty()) {
          WorkspaceEngine.say(err, "stopping the workspace's engine and all it runs: " + String.join(", ", work));
        }
      } else if (h != null) {
        CommandArgs stop = stopArgs.get();
        if (stop != null && stopId != null) {
          h.engine().execute(stopId, stop, Progress.NONE).get(10, TimeUnit.SECONDS);
        }
      }
    } catch (Exception ignored) {
      // stopping anyway
    } finally {
      HandOverEngine engine = handOver;
      if (engine != null) {
        engine.close(); // not h.engine(): closing the engine in use would look like its owner going away
      } else if (h != null) {
        h.engine().close();
      }
      finished.complete(null);
    }
  }

  private int done(Thread hook, int code) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      finished.join();
    }
    return code;
  }

  /** Prints and flushes (the session's output goes to a pipe as often as to a terminal). */
  static Consumer<String> printer(PrintWriter out) {
    return line -> {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    };
  }
}
