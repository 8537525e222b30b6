package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.debug.AttachConfig;
import java.util.concurrent.CompletableFuture;

/** {@code attach}: resolves the service (or target) and attaches the session; answers once the debuggee is attached. */
public final class AttachHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    AttachConfig config = AttachConfig.parse(arguments);
    return ctx.session().attach(ctx.targets().resolve(config), config.timeout());
  }
}
