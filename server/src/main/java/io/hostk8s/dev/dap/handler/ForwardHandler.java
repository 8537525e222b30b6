package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;

/** Every other request (threads, stackTrace, scopes, variables, continue, next, evaluate…): to the active process. */
public final class ForwardHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    return ctx.session().forward(command, arguments);
  }
}
