package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One IDE debug session. Behind it: the debuggee's main process (root link) and any subprocesses it announced
 * (Flask's reloader child). The IDE sees ONE session: requests go to the active process — the newest
 * subprocess, else the main one, or whichever process stopped last ({@link RequestRelay}) — and events from other
 * processes are dropped except {@code output} ({@link EventTranslator}). When a connection ends (reload, pod
 * replaced, forward moved) the session re-attaches by itself, replays the IDE's breakpoints, releases a stopped
 * view and says so in an {@code output} event ({@link LinkSupervisor}); the IDE session only ends on disconnect.
 * This class is the session's life: initialize, attach, disconnect, close.
 */
public final class DebugSession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DebugSession.class.getName());

  /** The IDE side: where events go. */
  @FunctionalInterface
  public interface Ide {
    void event(String event, JsonElement body);
  }

  private final String id;
  private final BreakpointBook book = new BreakpointBook();
  private final SessionState state = new SessionState();
  private final ExecutorService work;
  private final SessionConsole console;
  private final RequestRelay relay;
  private final LinkSupervisor links;

  public DebugSession(String id, Ide ide, DapChannel.Factory channels, DebugSessions registry) {
    this(id, ide, channels, registry, step -> { });
  }

  /** As above; {@code trace} hears each step of every (re-)attach ({@link RootAttach}), for tests. */
  DebugSession(String id, Ide ide, DapChannel.Factory channels, DebugSessions registry, Consumer<RootAttach.Step> trace) {
    this.id = id;
    this.work = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "debug-" + id);
      t.setDaemon(true);
      return t;
    });
    this.console = new SessionConsole(id, ide, registry, state);
    this.relay = new RequestRelay(state, book);
    this.links = new LinkSupervisor(state, console, book, channels, work, trace);
    registry.register(this);
  }

  public String id() {
    return id;
  }

  /** Remembers the IDE's initialize arguments (passed on to every debuggee adapter). */
  public void initialize(JsonObject args) {
    JsonObject a = args == null ? new JsonObject() : args.deepCopy();
    a.addProperty("supportsRunInTerminalRequest", false);
    a.addProperty("supportsStartDebuggingRequest", false);
    a.addProperty("pathFormat", "path");
    state.initializeArgs(a);
  }

  /** Attaches to the debuggee's main process; completes once it is attached (its subprocesses follow). */
  public CompletableFuture<Void> attach(DebugTargets.Resolved target, Duration timeout) {
    Optional<DebugTargets.Resolved> already = state.claim(target, console::output);
    if (already.isPresent()) {
      return CompletableFuture.failedFuture(HostK8sException.user(ErrorCode.INVALID_ARGUMENTS,
          "This debug session is already attached to " + already.get().target().service() + ".", "Start another debug session."));
    }
    book.sourcePaths().forEach(state::checkSource);
    console.phase(SessionPhase.ATTACHING);
    CompletableFuture<Void> attached = CompletableFuture.runAsync(() -> {
      long t0 = System.nanoTime();
      DebuggeeLink link = links.attach(System.nanoTime() + timeout.toNanos());
      console.capabilities(link);
      try {
        state.podWatch(target.endpoint().onChange(links::podChanged));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "no pod-change notifications", e);
      }
      console.phase(SessionPhase.ATTACHED);
      console.output(target.target().service() + ": attached to " + target.endpoint().describe() + " in "
          + (System.nanoTime() - t0) / 1_000_000 + " ms.");
    }, work);
    // a failed attach ends the session (the IDE ends it too); status must not say "attaching" forever
    attached.whenComplete((v, e) -> {
      if (e != null) {
        new Thread(this::close, "debug-" + id + "-end").start();
      }
    });
    return attached;
  }

  /** Records a breakpoint/exception configuration and sends it to every configured process. */
  public CompletableFuture<JsonElement> configure(String command, JsonObject args) {
    return relay.configure(command, args);
  }

  /** Any other request: to the active process. */
  public CompletableFuture<JsonElement> forward(String command, JsonElement args) {
    return relay.forward(command, args);
  }

  /** Detaches from every process (the debuggee keeps running) and ends the session. */
  public CompletableFuture<Void> disconnect() {
    return CompletableFuture.runAsync(this::close, work.isShutdown() ? Runnable::run : work);
  }

  /**
   * Ends the session because its target is gone for good (e.g. the sandbox stopped): says why in the Debug Console,
   * tells the IDE the debuggee {@code terminated} (so it ends its session instead of waiting for a re-attach), then
   * closes. Idempotent.
   */
  public void end(String why) {
    if (state.ended()) {
      return;
    }
    console.output(why + "\n");
    console.event("terminated", new JsonObject());
    close();
  }

  /** Ends the session: detaches, stops reattaching, publishes {@code ended}. Idempotent. */
  @Override
  public void close() {
    Optional<SessionState.Ending> ending = state.end();
    if (ending.isEmpty()) {
      return;
    }
    SessionState.Ending e = ending.get();
    for (DebuggeeLink l : e.links()) {
      l.detach(ProcessAttacher.DETACH);
    }
    try {
      if (e.podWatch() != null) {
        e.podWatch().close();
      }
    } catch (Exception ignored) {
      // best effort
    }
    if (e.target() != null) {
      e.target().endpoint().close();
    }
    console.phase(SessionPhase.ENDED);
    work.shutdownNow();
  }
}
