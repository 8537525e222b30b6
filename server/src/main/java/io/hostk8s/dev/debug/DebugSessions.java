package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.status.StatusStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's debug sessions (an {@code EngineServices} feature): ids, the {@code debugSessions} list in
 * {@code hostk8s/status} (the last few ended ones stay listed as {@code ended}), and ending every live session
 * when the engine closes.
 */
public final class DebugSessions implements AutoCloseable {
  private static final int ENDED_KEPT = 5;
  private final StatusStore status;
  private final AtomicInteger counter = new AtomicInteger();
  private final Map<String, DebugSessionStatus> states = new LinkedHashMap<>();
  private final Map<String, DebugSession> live = new LinkedHashMap<>();

  public DebugSessions(StatusStore status) {
    this.status = status;
  }

  public static DebugSessions of(EngineServices engine) {
    return engine.feature(DebugSessions.class, e -> new DebugSessions(e.status()));
  }

  public String newId() {
    return "debug-" + counter.incrementAndGet();
  }

  synchronized void register(DebugSession session) {
    live.put(session.id(), session);
  }

  /** Publishes a session's state (attaching | attached | reattaching | ended). */
  public void publish(String id, String service, String runtime, String state) {
    List<DebugSessionStatus> list;
    synchronized (this) {
      states.remove(id);
      states.put(id, new DebugSessionStatus(id, service, runtime, state));
      if ("ended".equals(state)) {
        live.remove(id);
        List<String> ended = states.values().stream().filter(s -> "ended".equals(s.state())).map(DebugSessionStatus::id).toList();
        ended.subList(0, Math.max(0, ended.size() - ENDED_KEPT)).forEach(states::remove);
      }
      list = List.copyOf(states.values());
    }
    status.update(s -> s.withDebugSessions(list));
  }

  /**
   * Ends every live session and drops every session from the status — for when the pods they debug are gone for
   * good (the sandbox stopped), so no "ended" row outlives them. Returns one line per session ("debug vote (python)").
   */
  public List<String> endAll() {
    return endAll("The cluster this session debugged is gone; the session ended.");
  }

  /** Ends every session, telling each IDE {@code why} and that its debuggee terminated; clears them from the status. */
  public List<String> endAll(String why) {
    List<String> ended;
    List<DebugSession> sessions;
    synchronized (this) {
      ended = states.values().stream().map(s -> "debug " + s.service() + " (" + s.runtime() + ")").toList();
      sessions = new ArrayList<>(live.values());
    }
    sessions.forEach(s -> s.end(why));
    synchronized (this) {
      states.clear();
      live.clear();
    }
    status.update(s -> s.withDebugSessions(List.of()));
    return ended;
  }

  @Override
  public void close() {
    List<DebugSession> sessions;
    synchronized (this) {
      sessions = new ArrayList<>(live.values());
    }
    sessions.forEach(DebugSession::close);
  }
}
