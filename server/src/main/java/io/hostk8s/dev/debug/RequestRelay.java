package io.hostk8s.dev.debug;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The IDE's requests on their way to the debuggee. Breakpoint and exception configuration is recorded (for
 * replay) and sent to every configured process, answered by the active one or, while none is attached, with
 * pending breakpoints. Any other request goes to the active process; one that cannot be served is a clear
 * error, except the IDE's {@code threads} poll, which gets no threads.
 */
final class RequestRelay {
  private final SessionState state;
  private final BreakpointBook book;

  RequestRelay(SessionState state, BreakpointBook book) {
    this.state = state;
    this.book = book;
  }

  /** Records a breakpoint/exception configuration and sends it to every configured process. */
  CompletableFuture<JsonElement> configure(String command, JsonObject args) {
    if ("setBreakpoints".equals(command) && args.has("source") && args.get("source").isJsonObject()
        && args.getAsJsonObject("source").has("path")) {
      state.checkSource(args.getAsJsonObject("source").get("path").getAsString());
    }
    List<CompletableFuture<JsonElement>> sent = new ArrayList<>();
    DebuggeeLink target;
    synchronized (book) {
      book.record(command, args);
      target = state.active();
      for (DebuggeeLink l : state.links()) {
        if (l.configured()) {
          CompletableFuture<JsonElement> f = l.request(command, args);
          if (l == target) {
            sent.add(f);
          }
        }
      }
    }
    if (!sent.isEmpty()) {
      DebuggeeLink answering = target;
      // the process going away meanwhile is not the IDE's error: the breakpoints are recorded and replayed
      return sent.get(0).exceptionallyCompose(e -> answering.isClosed() ? CompletableFuture.completedFuture(pending(command, args))
          : CompletableFuture.failedFuture(e));
    }
    return CompletableFuture.completedFuture(pending(command, args));
  }

  /** Any other request: to the active process. */
  CompletableFuture<JsonElement> forward(String command, JsonElement args) {
    DebuggeeLink l = state.active();
    if (l == null || !l.configured()) {
      if ("threads".equals(command)) {
        return CompletableFuture.completedFuture(noThreads());
      }
      return CompletableFuture.failedFuture(HostK8sException.user(ErrorCode.DEBUG_NOT_ATTACHED,
          "'" + command + "' cannot run now: " + state.describe() + ".",
          "Wait for the \"re-attached\" message in the Debug Console, then try again."));
    }
    int gen = state.generation();
    return l.request(command, args).exceptionallyCompose(e -> (gen != state.generation() || l.isClosed()) && "threads".equals(command)
        // the IDE polls threads; the process going away meanwhile (reload) is not an error to show the user
        ? CompletableFuture.completedFuture(noThreads())
        : CompletableFuture.failedFuture(
        gen != state.generation() || l.isClosed() ? HostK8sException.user(ErrorCode.DEBUG_NOT_ATTACHED,
            "'" + command + "' refers to a process that is gone (" + state.describe() + ").",
            "Ids from before a reload or pod replacement are stale: use the new stopped location.") : e));
  }

  private static JsonObject noThreads() {
    JsonObject none = new JsonObject();
    none.add("threads", new JsonArray());
    return none;
  }

  /** The answer while no process has the configuration: each breakpoint unverified, saying why. */
  private JsonElement pending(String command, JsonObject args) {
    JsonObject body = new JsonObject();
    if ("setBreakpoints".equals(command) || "setFunctionBreakpoints".equals(command)) {
      JsonArray out = new JsonArray();
      JsonElement requested = args.get("breakpoints");
      int n = requested != null && requested.isJsonArray() ? requested.getAsJsonArray().size() : 0;
      for (int i = 0; i < n; i++) {
        JsonObject bp = new JsonObject();
        bp.addProperty("verified", false);
        bp.addProperty("message", "Pending: " + state.describe() + ".");
        JsonElement req = requested.getAsJsonArray().get(i);
        if (req.isJsonObject() && req.getAsJsonObject().has("line")) {
          bp.add("line", req.getAsJsonObject().get("line"));
        }
        out.add(bp);
      }
      body.add("breakpoints", out);
      return body;
    }
    return JsonNull.INSTANCE;
  }
}
