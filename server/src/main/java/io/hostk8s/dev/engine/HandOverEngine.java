package io.hostk8s.dev.engine;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import io.hostk8s.dev.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workspace's engine for a front end that outlives the engine's owner: the IDE's server, or a CLI command that
 * keeps work running. {@code obtain} gives the workspace's engine — this process's when no owner answers (the owner
 * lock makes sure only one front end becomes the owner, racing or not), else one attached to the owner. When an
 * attached engine's owner goes away (stopped or killed), the next engine is obtained the same way, at once. Listeners
 * registered here follow every engine; with {@code restartWork} the work this front end started ({@link StartedWork})
 * is started again in the new engine; then the {@link #onTakeOver} hooks run. Calls made during a take-over wait
 * for it.
 */
public final class HandOverEngine implements Engine {
  private static final Logger LOG = Logger.getLogger(HandOverEngine.class.getName());
  private static final int ATTEMPTS = 10;
  private final Supplier<Engine> obtain;
  private final boolean restartWork;
  private final StartedWork work = new StartedWork();
  private final EngineListeners listeners = new EngineListeners();
  private final List<Consumer<LocalEngine>> ownedHooks = new CopyOnWriteArrayList<>();
  private final List<Consumer<TakeOver>> takeOverHooks = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> gaveUp = new CompletableFuture<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile CompletableFuture<Engine> current;
  private volatile long ownerPid;
  private volatile boolean closed;

  private HandOverEngine(Supplier<Engine> obtain, boolean restartWork) {
    this.obtain = obtain;
    this.restartWork = restartWork;
  }

  /**
   * Obtains the workspace's engine now (its failure is the caller's) and takes over whenever its owner goes away.
   * {@code restartWork}: start again, after a take-over, the work started through this engine.
   */
  public static HandOverEngine start(Supplier<Engine> obtain, boolean restartWork) {
    HandOverEngine h = new HandOverEngine(obtain, restartWork);
    h.use(obtain.get());
    return h;
  }

  /** The engine in use now (waits while a take-over runs). */
  public Engine now() {
    try {
      return current.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw HostK8sException.user(ErrorCode.ENGINE_UNREACHABLE, "The workspace's engine went away and no front end could take it over.",
          "See .hostk8s/server.log; restart this front end (reload the IDE window, or run the command again).");
    }
  }

  /** Whether this process owns the workspace's engine now. */
  public boolean owner() {
    return now() instanceof LocalEngine;
  }

  /** The owner's pid: this process's when it owns the engine. */
  public long ownerPid() {
    return ownerPid;
  }

  /** Completes when the owner went away and no engine could be obtained again (after {@value #ATTEMPTS} tries). */
  public CompletableFuture<Void> gaveUp() {
    return gaveUp;
  }

  private void use(Engine e) {
    long gen = generation.incrementAndGet();
    e.onStatus(s -> {
      if (generation.get() == gen) {
        listeners.status(s);
      }
    });
    e.onEvent(ev -> {
      if (generation.get() == gen) {
        work.event(ev);
        listeners.event(ev);
      }
    });
    e.onLog(b -> {
      if (generation.get() == gen) {
        listeners.log(b);
      }
    });
    ownerPid = e instanceof LocalEngine ? ProcessHandle.current().pid() : pidOf(e);
    current = CompletableFuture.completedFuture(e);
    ownedHooks.forEach(e::onOwned);
    e.ownerGone().thenRun(() -> {
      Thread t = new Thread(() -> takeOver(e, gen), "engine-takeover");
      t.setDaemon(true);
      t.start();
    });
  }

  private static long pidOf(Engine e) {
    try {
      return e.status().engine().pid();
    } catch (RuntimeException ex) {
      return 0;
    }
  }

  private void takeOver(Engine gone, long gen) {
    if (closed || generation.get() != gen) {
      return;
    }
    CompletableFuture<Engine> next = new CompletableFuture<>();
    current = next;
    generation.incrementAndGet(); // the old engine's last notices are not this front end's any more
    long former = ownerPid;
    long t0 = System.nanoTime();
    gone.close();
    LOG.info("the workspace's engine (pid " + former + ") went away; taking over");
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
      try {
        Engine e = obtain.get();
        if (closed) {
          e.close();
          break;
        }
        use(e);
        next.complete(e);
        long tookOver = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("took the workspace's engine over in " + tookOver + " ms (" + (e instanceof LocalEngine ? "its owner now" : "attached") + ")");
        TakeOver t = restart(former, e, tookOver);
        LOG.info(t.text());
        takeOverHooks.forEach(h -> h.accept(t));
        return;
      } catch (RuntimeException e) {
        last = e;
        LOG.log(Level.WARNING, "taking over the workspace's engine failed (attempt " + attempt + ")", e);
        sleep(200L * attempt);
      }
    }
    next.completeExceptionally(last != null ? last : new IllegalStateException("closed"));
    gaveUp.complete(null);
  }

  /** Starts this front end's work again in {@code e}; says what restarted and what failed. */
  private TakeOver restart(long former, Engine e, long tookOverMs) {
    long t0 = System.nanoTime();
    List<String> restarted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    DebugEndpoint endpoint = null;
    if (restartWork) {
      for (StartedWork.Entry w : work.entries()) {
        try {
          long t1 = System.nanoTime();
          Object result = execute(w.commandId(), w.args(), Progress.NONE).get(5, TimeUnit.MINUTES);
          LOG.info("restarted " + w.words() + " in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
          restarted.add(w.words());
          if (CommandIds.DEBUG_ENDPOINT.equals(w.commandId())) {
            endpoint = Json.GSON.fromJson(Json.GSON.toJsonTree(result), DebugEndpoint.class);
          }
        } catch (Exception ex) {
          Throwable cause = ex.getCause() == null ? ex : ex.getCause();
          failed.add(w.words() + " (" + cause.getMessage() + ")");
        }
      }
    }
    return new TakeOver(former, e instanceof LocalEngine, ownerPid, restarted, failed, endpoint, tookOverMs,
        (System.nanoTime() - t0) / 1_000_000);
  }

  @Override
  public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    current.whenComplete((e, t) -> {
      if (t != null) {
        result.completeExceptionally(t);
        return;
      }
      CompletableFuture<Object> running;
      try {
        running = e.execute(commandId, args, progress);
      } catch (RuntimeException ex) { // e.g. an unknown command: the caller's error, as from the engine itself
        result.completeExceptionally(ex);
        return;
      }
      result.whenComplete((v, x) -> {
        if (result.isCancelled()) {
          running.cancel(true);
        }
      });
      running.whenComplete((v, x) -> {
        if (x != null) {
          result.completeExceptionally(x);
        } else {
          work.executed(commandId, args, v);
          result.complete(v);
        }
      });
    });
    return result;
  }

  @Override
  public StatusSnapshot status() {
    return now().status();
  }

  @Override
  public StatusSnapshot refresh() {
    return now().refresh();
  }

  @Override
  public void onStatus(Consumer<StatusSnapshot> listener) {
    listeners.onStatus(listener);
  }

  @Override
  public void onEvent(Consumer<HostK8sEvent> listener) {
    listeners.onEvent(listener);
  }

  @Override
  public void onLog(Consumer<LogBatch> listener) {
    listeners.onLog(listener);
  }

  @Override
  public List<CommandDescription> commands() {
    return now().commands();
  }

  @Override
  public void onOwned(Consumer<LocalEngine> hook) {
    ownedHooks.add(hook);
    CompletableFuture<Engine> c = current;
    if (c.isDone() && !c.isCompletedExceptionally()) {
      c.join().onOwned(hook);
    }
  }

  @Override
  public void onTakeOver(Consumer<TakeOver> hook) {
    takeOverHooks.add(hook);
  }

  @Override
  public void close() {
    closed = true;
    current.thenAccept(Engine::close);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
