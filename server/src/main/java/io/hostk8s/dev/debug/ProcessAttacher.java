package io.hostk8s.dev.debug;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Attaches the session to the debuggee's processes: the main one through the endpoint, retrying with backoff
 * until a deadline (or, when re-attaching, until the session ends), and each subprocess the main one announces,
 * through the same address. A link joins the session's processes only once its handshake (with the breakpoints
 * replayed) is done.
 */
final class ProcessAttacher {
  static final Duration DETACH = Duration.ofSeconds(1);
  /** The deadline that means: until the session ends (re-attaching). */
  static final long NO_DEADLINE = Long.MAX_VALUE;
  private static final Duration HANDSHAKE = RootAttach.HANDSHAKE_LIMIT;
  private static final Duration NOTE_EVERY = Duration.ofSeconds(30);

  private final SessionState state;
  private final SessionConsole console;
  private final BreakpointBook book;
  private final DapChannel.Factory channels;
  private final DebuggeeLink.Owner owner;
  private final Consumer<RootAttach.Step> trace;

  ProcessAttacher(SessionState state, SessionConsole console, BreakpointBook book, DapChannel.Factory channels, DebuggeeLink.Owner owner,
      Consumer<RootAttach.Step> trace) {
    this.trace = trace;
    this.state = state;
    this.console = console;
    this.book = book;
    this.channels = channels;
    this.owner = owner;
  }

  /**
   * Connects to the main process ({@link RootAttach}); {@link #NO_DEADLINE} retries until the session ends (and
   * notes it every 30 s).
   */
  DebuggeeLink connectRoot(long deadline) {
    DebugTargets.Resolved r = state.target();
    long[] noteAt = {System.nanoTime() + NOTE_EVERY.toNanos()};
    Consumer<Exception> onRetry = failure -> {
      if (deadline == NO_DEADLINE && System.nanoTime() > noteAt[0]) {
        noteAt[0] = System.nanoTime() + NOTE_EVERY.toNanos();
        console.output(r.target().service() + ": still re-attaching (" + message(failure) + ").");
      }
    };
    return new RootAttach(state, r.endpoint(), () -> new DebuggeeLink(r.target().service(), true, owner),
        (link, a, limit) -> link.attach(r.runtime(), r.target(), a.host(), a.port(), state.initializeArgs(),
            r.runtime().attachArguments(r.target(), a.host(), a.port()), book, channels, limit),
        deadline, trace).run(onRetry);
  }

  /** Attaches to a subprocess the main one announced ({@code debugpyAttach}); it becomes the active process. */
  void attachSubprocess(JsonObject announced) {
    Optional<DebugEndpoint.Address> at = state.subprocessAddress();
    if (at.isEmpty()) {
      return;
    }
    DebugEndpoint.Address a = at.get();
    DebugTargets.Resolved r = state.target();
    JsonObject args = r.runtime().subprocessAttachArguments(announced, r.target(), a.host(), a.port());
    if (args == null) {
      return;
    }
    String pid = announced.has("subProcessId") ? announced.get("subProcessId").getAsString() : "?";
    DebuggeeLink link = new DebuggeeLink(r.target().service() + " (process " + pid + ")", false, owner);
    state.add(link);
    try {
      link.attach(r.runtime(), r.target(), a.host(), a.port(), state.initializeArgs(), args, book, channels, HANDSHAKE);
      OptionalInt before = state.adoptSubprocess(link);
      if (before.isEmpty()) {
        return;
      }
      boolean reload = before.getAsInt() > 0;
      console.output(r.target().service() + ": attached to process " + pid + (reload ? " (reloaded); breakpoints restored." : "."));
    } catch (Exception e) {
      drop(link);
      if (!state.ended()) {
        console.output(r.target().service() + ": could not attach to process " + pid + ": " + message(e));
      }
    }
  }

  private void drop(DebuggeeLink link) {
    state.remove(link);
    link.close();
  }

  /** The message worth showing: the first cause that has one, past the executor's wrappers. */
  static String message(Throwable t) {
    Throwable c = t;
    while (c != null && c.getCause() != null && (c.getMessage() == null || c instanceof ExecutionException
        || c instanceof CompletionException)) {
      c = c.getCause();
    }
    return c == null ? "unknown error" : c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
