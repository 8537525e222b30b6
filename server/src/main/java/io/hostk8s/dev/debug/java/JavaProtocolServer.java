package io.hostk8s.dev.debug.java;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.java.debug.core.adapter.IProviderContext;
import com.microsoft.java.debug.core.adapter.ProtocolServer;
import com.microsoft.java.debug.core.protocol.Events;
import com.microsoft.java.debug.core.protocol.Messages;
import com.microsoft.java.debug.core.protocol.Responses;
import com.microsoft.java.debug.core.protocol.Types;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * java-debug's protocol server with our limits made explicit: unsupported requests get an error response at once,
 * the {@code initialize} capabilities stop advertising what needs an expression compiler, a breakpoint with a
 * condition or log message is announced as unsupported, {@code setFunctionBreakpoints} (no java-debug handler) is
 * answered with unverified breakpoints, and java-debug's custom {@code usernotification}
 * events become standard {@code output} events (generic DAP clients ignore the custom ones). When java-debug
 * reports the VM gone ({@code terminated}: the JVM exited, the forward broke) outside a {@code disconnect}, the
 * connection is ended like a debugpy socket would be, so that the DAP session notices and re-attaches.
 */
final class JavaProtocolServer extends ProtocolServer {
  private static final Gson GSON = new Gson();
  /** JDI attach timeout when the request names none (java-debug's own default is 30 s): a dead forward fails fast. */
  static final java.time.Duration ATTACH_TIMEOUT = java.time.Duration.ofSeconds(10);
  private final Runnable vmGone;
  private volatile boolean disconnecting;

  JavaProtocolServer(InputStream in, OutputStream out, IProviderContext providers, Runnable vmGone) {
    super(in, out, providers);
    this.vmGone = vmGone;
  }

  @Override
  protected void dispatchRequest(Messages.Request request) {
    String unsupported = Unsupported.REQUESTS.get(request.command);
    if (unsupported != null) {
      Messages.Response response = new Messages.Response(request.seq, request.command);
      response.success = false;
      response.message = unsupported;
      response.body = new Responses.ErrorResponseBody(new Types.Message(Unsupported.CODE, unsupported));
      sendResponse(response);
      return;
    }
    if ("setFunctionBreakpoints".equals(request.command)) {
      answerFunctionBreakpoints(request);
      return;
    }
    if ("disconnect".equals(request.command)) {
      disconnecting = true;
    }
    if ("attach".equals(request.command) && request.arguments != null && !request.arguments.has("timeout")) {
      request.arguments.addProperty("timeout", (int) ATTACH_TIMEOUT.toMillis());
    }
    if ("setBreakpoints".equals(request.command) && hasConditions(request.arguments)) {
      sendEvent(new Events.OutputEvent(Events.OutputEvent.Category.console, Unsupported.CONDITIONS + "\n"));
    }
    super.dispatchRequest(request);
  }

  @Override
  public void sendResponse(Messages.Response response) {
    if ("initialize".equals(response.command) && response.body instanceof Types.Capabilities caps) {
      caps.supportsConditionalBreakpoints = false;
      caps.supportsLogPoints = false;
      caps.supportsCompletionsRequest = false;
      caps.supportsEvaluateForHovers = false;
      JsonObject body = GSON.toJsonTree(caps).getAsJsonObject();
      body.addProperty("supportsFunctionBreakpoints", false);
      response.body = body;
    }
    super.sendResponse(response);
  }

  /**
   * java-debug has no handler for {@code setFunctionBreakpoints} (it answers "Unrecognized request" and logs it as
   * SEVERE), yet IDEs send it in every configuration phase: answered here, each function breakpoint unverified with
   * the reason, and announced in the console when there are any. The initialize answer says
   * {@code supportsFunctionBreakpoints: false}.
   */
  private void answerFunctionBreakpoints(Messages.Request request) {
    JsonElement requested = request.arguments == null ? null : request.arguments.get("breakpoints");
    JsonArray out = new JsonArray();
    if (requested != null && requested.isJsonArray()) {
      for (int i = 0; i < requested.getAsJsonArray().size(); i++) {
        JsonObject bp = new JsonObject();
        bp.addProperty("verified", false);
        bp.addProperty("message", Unsupported.FUNCTION_BREAKPOINTS);
        out.add(bp);
      }
    }
    if (!out.isEmpty()) {
      sendEvent(new Events.OutputEvent(Events.OutputEvent.Category.console, Unsupported.FUNCTION_BREAKPOINTS + "\n"));
    }
    JsonObject body = new JsonObject();
    body.add("breakpoints", out);
    Messages.Response response = new Messages.Response(request.seq, request.command);
    response.success = true;
    response.body = body;
    sendResponse(response);
  }

  @Override
  public void sendEvent(Events.DebugEvent event) {
    if (event instanceof Events.UserNotificationEvent n) {
      Events.OutputEvent.Category category = n.notificationType == Events.UserNotificationEvent.NotificationType.INFORMATION
          ? Events.OutputEvent.Category.console : Events.OutputEvent.Category.stderr;
      super.sendEvent(new Events.OutputEvent(category, n.message + "\n"));
      return;
    }
    super.sendEvent(event);
    if ("terminated".equals(event.type) && !disconnecting) {
      vmGone.run();
    }
  }

  private static boolean hasConditions(JsonObject args) {
    JsonElement bps = args == null ? null : args.get("breakpoints");
    if (bps == null || !bps.isJsonArray()) {
      return false;
    }
    for (JsonElement bp : (JsonArray) bps) {
      if (bp.isJsonObject() && (nonBlank(bp.getAsJsonObject(), "condition") || nonBlank(bp.getAsJsonObject(), "logMessage"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean nonBlank(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && !e.getAsString().isBlank();
  }
}
