package io.hostk8s.dev.dap;

import io.hostk8s.dev.dap.handler.AttachHandler;
import io.hostk8s.dev.dap.handler.BreakpointsHandler;
import io.hostk8s.dev.dap.handler.ConfigurationDoneHandler;
import io.hostk8s.dev.dap.handler.DapRequestHandler;
import io.hostk8s.dev.dap.handler.DisconnectHandler;
import io.hostk8s.dev.dap.handler.ForwardHandler;
import io.hostk8s.dev.dap.handler.InitializeHandler;
import io.hostk8s.dev.dap.handler.LaunchHandler;
import java.util.Map;

/** Which handler serves a DAP command; anything unlisted goes to the debuggee. Dispatches, nothing else. */
final class RequestDispatcher {
  private final Map<String, DapRequestHandler> handlers;
  private final DapRequestHandler fallback = new ForwardHandler();

  RequestDispatcher() {
    BreakpointsHandler breakpoints = new BreakpointsHandler();
    handlers = Map.of(
        "initialize", new InitializeHandler(),
        "attach", new AttachHandler(),
        "launch", new LaunchHandler(),
        "setBreakpoints", breakpoints,
        "setFunctionBreakpoints", breakpoints,
        "setExceptionBreakpoints", breakpoints,
        "configurationDone", new ConfigurationDoneHandler(),
        "disconnect", new DisconnectHandler(false),
        "terminate", new DisconnectHandler(true));
  }

  DapRequestHandler handler(String command) {
    return handlers.getOrDefault(command, fallback);
  }
}
