package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a debug session tells the outside on its own: lines in the IDE's Debug Console, the debuggee's
 * capabilities, released stopped views, and its state in {@code hostk8s/status}.
 */
final class SessionConsole {
  private final String id;
  private final DebugSession.Ide ide;
  private final DebugSessions registry;
  private final SessionState state;

  SessionConsole(String id, DebugSession.Ide ide, DebugSessions registry, SessionState state) {
    this.id = id;
    this.ide = ide;
    this.registry = registry;
    this.state = state;
  }

  /** Passes a debuggee's event on to the IDE as it is. */
  void event(String event, JsonElement body) {
    ide.event(event, body);
  }

  /** A {@code [hostk8s]} line in the Debug Console. */
  void output(String text) {
    JsonObject body = new JsonObject();
    body.addProperty("category", "console");
    body.addProperty("output", (text.startsWith("[hostk8s]") ? text : "[hostk8s] " + text) + (text.endsWith("\n") ? "" : "\n"));
    ide.event("output", body);
  }

  /** The main process' adapter capabilities, once it is attached. */
  void capabilities(DebuggeeLink link) {
    JsonObject caps = new JsonObject();
    if (link.capabilities() != null && link.capabilities().isJsonObject()) {
      caps.add("capabilities", link.capabilities());
      ide.event("capabilities", caps);
    }
  }

  /** A process that was stopped is gone: the IDE's stopped view must not hang on it. */
  void release(DebuggeeLink link) {
    for (String thread : link.stoppedThreads()) {
      JsonObject body = new JsonObject();
      if (!thread.isEmpty()) {
        body.addProperty("threadId", Integer.parseInt(thread));
      }
      body.addProperty("allThreadsContinued", true);
      ide.event("continued", body);
    }
  }

  /** Sets and publishes the session's phase (nothing but {@link SessionPhase#ENDED} once it has ended). */
  void phase(SessionPhase p) {
    if (!state.phase(p)) {
      return;
    }
    DebugTargets.Resolved r = state.target();
    registry.publish(id, r == null ? null : r.target().service(), r == null ? null : r.target().runtime(), p.wire());
  }
}
