package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;

/**
 * {@code disconnect} and {@code terminate}: detach from every process and end the session. The debuggee keeps
 * running ({@code terminateDebuggee} is ignored: we never kill what we did not start); {@code terminate} is
 * followed by a {@code terminated} event.
 */
public final class DisconnectHandler implements DapRequestHandler {
  private final String after;

  public DisconnectHandler(boolean terminated) {
    this.after = terminated ? "terminated" : null;
  }

  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    return ctx.session().disconnect();
  }

  @Override
  public String eventAfter() {
    return after;
  }
}
