package io.hostk8s.dev.debug;

import com.google.gson.JsonObject;
import io.hostk8s.dev.forward.PodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What one debug session knows, under one lock: its target, the IDE's initialize arguments, the processes it is
 * attached to (the main one, the subprocesses, which one is active), a generation that changes whenever they
 * change (ids from an older generation are stale), and its state. Every change is one method, so each keeps the
 * atomicity it needs; the callers do the talking outside the lock.
 */
final class SessionState {
  /** What {@link #end()} hands over for the detaching. */
  record Ending(List<DebuggeeLink> links, DebugTargets.Resolved target, AutoCloseable podWatch) {}

  /** A link that closed while the session lives: was it the main process, and the subprocesses that go with it. */
  record Loss(boolean root, List<DebuggeeLink> orphans) {}

  private final List<DebuggeeLink> links = new ArrayList<>();
  private JsonObject initializeArgs = new JsonObject();
  private volatile DebugTargets.Resolved resolved;
  private DebugEndpoint.Address address;
  private DebuggeeLink root;
  private PodRef rootAt;
  private DebuggeeLink active;
  private AutoCloseable podWatch;
  private BreakpointSourceCheck sourceCheck;
  private boolean ended;
  private SessionPhase phase = SessionPhase.NEW;
  private int generation;
  private int subprocesses;

  synchronized void initializeArgs(JsonObject args) {
    initializeArgs = args;
  }

  /** A copy of the IDE's initialize arguments (each debuggee adapter gets its own). */
  synchronized JsonObject initializeArgs() {
    return initializeArgs.deepCopy();
  }

  /**
   * Takes {@code target} as the session's target and starts its source check; the target the session already
   * has instead, if any (a session attaches once).
   */
  synchronized Optional<DebugTargets.Resolved> claim(DebugTargets.Resolved target, Consumer<String> output) {
    if (resolved != null) {
      return Optional.of(resolved);
    }
    resolved = target;
    initializeArgs.addProperty("adapterID", target.runtime().name());
    if (target.sourceChecks() != null) {
      sourceCheck = target.sourceChecks().start(output);
    }
    return Optional.empty();
  }

  /** The session's target, null before {@link #claim}. */
  DebugTargets.Resolved target() {
    return resolved;
  }

  synchronized void podWatch(AutoCloseable watch) {
    podWatch = watch;
  }

  /** Tells the source check (if the target has one) that the IDE set breakpoints in {@code path}. */
  void checkSource(String path) {
    BreakpointSourceCheck check;
    synchronized (this) {
      check = sourceCheck;
    }
    if (check != null) {
      check.onBreakpointsSet(path);
    }
  }

  // ------------------------------------------------------------------------------------------ processes

  /** A connection to the main process is being made at {@code a}. */
  synchronized void connecting(DebugEndpoint.Address a, DebuggeeLink link) {
    address = a;
    links.add(link);
  }

  /** The main process is attached (at {@code at}): true unless the session ended or the link closed meanwhile. */
  synchronized boolean adoptRoot(DebuggeeLink link, PodRef at) {
    if (ended || link.isClosed()) {
      return false;
    }
    root = link;
    rootAt = at;
    generation++;
    if (active == null || active.isClosed()) {
      active = link;
    }
    return true;
  }

  /** Where subprocesses are reached (the main process' address), empty once ended or before the first connection. */
  synchronized Optional<DebugEndpoint.Address> subprocessAddress() {
    if (ended || resolved == null || address == null) {
      return Optional.empty();
    }
    return Optional.of(address);
  }

  synchronized void add(DebuggeeLink link) {
    links.add(link);
  }

  /**
   * A subprocess is attached and becomes the active process: the number of subprocesses attached before it
   * (more than none: a reload), or empty when the session ended or the link closed meanwhile.
   */
  synchronized OptionalInt adoptSubprocess(DebuggeeLink link) {
    if (ended || link.isClosed()) {
      return OptionalInt.empty();
    }
    int before = subprocesses++;
    active = link;
    generation++;
    return OptionalInt.of(before);
  }

  synchronized void remove(DebuggeeLink link) {
    links.remove(link);
  }

  /** The main process' link unless it is connected to {@code now} (the same pod: the same uid). */
  synchronized Optional<DebuggeeLink> rootUnlessAt(PodRef now) {
    return rootAt != null && rootAt.samePod(now) ? Optional.empty() : Optional.ofNullable(root);
  }

  /** What the main process' link is connected to (the pod), null while none is attached. */
  synchronized PodRef rootAt() {
    return root == null ? null : rootAt;
  }

  /**
   * A link closed. Losing the main process drops its subprocesses too (returned, to be closed); losing the
   * active subprocess makes the newest remaining one (else the main one) active. Empty once the session ended.
   */
  synchronized Optional<Loss> closed(DebuggeeLink link) {
    links.remove(link);
    if (ended) {
      return Optional.empty();
    }
    boolean wasRoot = link == root;
    List<DebuggeeLink> orphans = new ArrayList<>();
    if (wasRoot) {
      root = null;
      orphans.addAll(links);
      links.clear();
      active = null;
    } else if (active == link) {
      active = links.isEmpty() ? root : links.get(links.size() - 1);
    }
    generation++;
    return Optional.of(new Loss(wasRoot, orphans));
  }

  /** A process stopped: it becomes the active one; false if the link is no longer the session's. */
  synchronized boolean stopped(DebuggeeLink link) {
    if (!links.contains(link)) {
      return false;
    }
    active = link;
    return true;
  }

  synchronized List<DebuggeeLink> links() {
    return new ArrayList<>(links);
  }

  /** The process requests go to, null when none. */
  synchronized DebuggeeLink active() {
    return active;
  }

  synchronized int generation() {
    return generation;
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  synchronized boolean ended() {
    return ended;
  }

  /** Marks the session ended and lets go of its processes (to detach); empty if it had already ended. */
  synchronized Optional<Ending> end() {
    if (ended) {
      return Optional.empty();
    }
    ended = true;
    List<DebuggeeLink> toDetach = new ArrayList<>(links);
    links.clear();
    active = null;
    root = null;
    if (sourceCheck != null) {
      sourceCheck.close();
    }
    return Optional.of(new Ending(toDetach, resolved, podWatch));
  }

  /** Sets the phase; false once ended (only {@link SessionPhase#ENDED} then). */
  synchronized boolean phase(SessionPhase p) {
    if (ended && p != SessionPhase.ENDED) {
      return false;
    }
    phase = p;
    return true;
  }

  /** The state in words, for error messages and pending breakpoints. */
  synchronized String describe() {
    String service = resolved == null ? "the session" : resolved.target().service();
    return switch (phase) {
      case ATTACHING, NEW -> service + " is not attached yet";
      case REATTACHING -> service + " is re-attaching (reload or pod replaced)";
      case ENDED -> "the session has ended";
      case ATTACHED -> service + " has no attached process right now (reloading)";
    };
  }
}
