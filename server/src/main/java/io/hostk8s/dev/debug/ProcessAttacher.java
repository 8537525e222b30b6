package io.hostk8s.dev.debug;

import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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
  private static final Duration HANDSHAKE = Duration.ofSeconds(15);

  private final SessionState state;
  private final SessionConsole console;
  private final BreakpointBook book;
  private final DapChannel.Factory channels;
  private final DebuggeeLink.Owner owner;

  ProcessAttacher(SessionState state, SessionConsole console, BreakpointBook book, DapChannel.Factory channels, DebuggeeLink.Owner owner) {
    this.state = state;
    this.console = console;
    this.book = book;
    this.channels = channels;
    this.owner = owner;
  }

  /** Connects to the main process; {@link #NO_DEADLINE} retries until the session ends (and notes it every 30 s). */
  DebuggeeLink connectRoot(long deadline) {
    DebugTargets.Resolved r = state.target();
    Exception last = null;
    long backoff = 100;
    long noteAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!state.ended()) {
      if (deadline == NO_DEADLINE && last != null && System.nanoTime() > noteAt) {
        noteAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        console.output(r.target().service() + ": still re-attaching (" + message(last) + ").");
      }
      long left = deadline == NO_DEADLINE ? Duration.ofSeconds(5).toNanos() : deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      DebuggeeLink link = new DebuggeeLink(r.target().service(), true, owner);
      try {
        DebugEndpoint.Address a = r.endpoint().await(Duration.ofNanos(left));
        state.connecting(a, link);
        Duration handshake = Duration.ofNanos(Math.min(left, HANDSHAKE.toNanos()));
        link.attach(r.runtime(), r.target(), a.host(), a.port(), state.initializeArgs(), r.runtime().attachArguments(r.target(), a.host(), a.port()),
            book, channels, deadline == NO_DEADLINE ? HANDSHAKE : handshake);
        if (state.adoptRoot(link, r.endpoint().describe())) {
          return link;
        }
        link.detach(DETACH);
        last = new IllegalStateException("the connection closed during the handshake");
      } catch (HostK8sException e) {
        drop(link);
        if (deadline != NO_DEADLINE && e.code() != ErrorCode.DEBUG_ATTACH_FAILED) {
          throw e; // unknown service, no pods in time…: the user's to fix
        }
        last = e;
      } catch (Exception e) {
        drop(link);
        last = e;
      }
      sleep(backoff);
      backoff = Math.min(backoff * 2, 1000);
    }
    if (state.ended()) {
      throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "The debug session ended while attaching.", List.of(), true, last);
    }
    throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "Could not attach to " + r.target().service() + " at "
        + r.endpoint().describe() + ": " + message(last),
        List.of("Check that the " + r.target().runtime() + " debugger listens in the pod (the pod log shows it), "
            + "or raise \"timeout\" in the launch configuration."), true, last);
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
  private static String message(Throwable t) {
    Throwable c = t;
    while (c != null && c.getCause() != null && (c.getMessage() == null || c instanceof ExecutionException
        || c instanceof CompletionException)) {
      c = c.getCause();
    }
    return c == null ? "unknown error" : c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
