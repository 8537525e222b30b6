package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.function.Consumer;

/**
 * The debuggee processes' events, turned into the IDE's one session: {@code output} from any process passes,
 * {@code stopped} passes and makes its process the active one, anything else passes only from the active
 * process. A process' end ({@code terminated}, {@code exited}) does not end the IDE session, and a subprocess
 * announcement ({@code debugpyAttach}) is handed on to be attached.
 */
final class EventTranslator {
  private final SessionState state;
  private final SessionConsole console;
  private final Consumer<JsonObject> subprocessAnnounced;

  EventTranslator(SessionState state, SessionConsole console, Consumer<JsonObject> subprocessAnnounced) {
    this.state = state;
    this.console = console;
    this.subprocessAnnounced = subprocessAnnounced;
  }

  void event(DebuggeeLink link, String event, JsonElement body) {
    switch (event) {
      case "debugpyAttach" -> {
        if (body != null && body.isJsonObject()) {
          subprocessAnnounced.accept(body.getAsJsonObject().deepCopy());
        }
      }
      case "terminated" -> link.lost(); // that process is over (its adapter may keep the socket): re-attach / wait for the successor
      case "debugpyWaitingForServer", "exited", "initialized" -> {
        // the IDE session does not end with a process
      }
      case "output" -> console.event(event, body);
      case "stopped" -> {
        if (state.stopped(link)) {
          console.event(event, body);
        }
      }
      default -> {
        if (state.active() == link) {
          console.event(event, body);
        }
      }
    }
  }
}
