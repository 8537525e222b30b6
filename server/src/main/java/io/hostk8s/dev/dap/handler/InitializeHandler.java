package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;

/**
 * {@code initialize}: remembers the IDE's arguments for the debuggee adapters and answers with the capabilities
 * every runtime here has; the debuggee's own capabilities follow in a {@code capabilities} event once attached.
 */
public final class InitializeHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    CompletableFuture<Capabilities> answer = capabilities(arguments);
    ctx.session().initialize(arguments == null || arguments.isJsonNull() ? null : arguments.getAsJsonObject());
    return answer;
  }

  /** The answer alone (checks the arguments), for a connection that has no session yet (TCP before the token). */
  public static CompletableFuture<Capabilities> capabilities(JsonElement arguments) {
    if (arguments != null && !arguments.isJsonNull() && !arguments.isJsonObject()) {
      throw HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE, "initialize arguments must be an object.", "Send InitializeRequestArguments.");
    }
    Capabilities c = new Capabilities();
    c.setSupportsConfigurationDoneRequest(true);
    c.setSupportsConditionalBreakpoints(true);
    c.setSupportsHitConditionalBreakpoints(true);
    c.setSupportsEvaluateForHovers(true);
    c.setSupportsSetVariable(true);
    c.setSupportsExceptionInfoRequest(true);
    c.setSupportsTerminateRequest(true);
    c.setSupportsFunctionBreakpoints(true);
    c.setSupportsLogPoints(true);
    c.setSupportTerminateDebuggee(false);
    c.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[] {
        filter("raised", "Raised Exceptions", false), filter("uncaught", "Uncaught Exceptions", true)});
    return CompletableFuture.completedFuture(c);
  }

  private static ExceptionBreakpointsFilter filter(String id, String label, boolean on) {
    ExceptionBreakpointsFilter f = new ExceptionBreakpointsFilter();
    f.setFilter(id);
    f.setLabel(label);
    f.setDefault_(on);
    return f;
  }
}
