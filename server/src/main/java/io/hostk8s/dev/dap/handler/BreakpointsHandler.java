package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code setBreakpoints}, {@code setFunctionBreakpoints}, {@code setExceptionBreakpoints}: recorded by the
 * session (replayed after every re-attach) and sent to every attached process; the answer is the active one's.
 */
public final class BreakpointsHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    if (arguments == null || !arguments.isJsonObject()) {
      throw HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE, command + " needs an arguments object.", "Send the DAP arguments of " + command + ".");
    }
    return ctx.session().configure(command, arguments.getAsJsonObject());
  }
}
