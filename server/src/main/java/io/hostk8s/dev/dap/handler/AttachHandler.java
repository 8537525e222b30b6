package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.debug.AttachConfig;
import java.util.concurrent.CompletableFuture;

/**
 * {@code attach}: resolves the service (or target) and attaches the session; answers once the debuggee is attached,
 * then sends {@code initialized} — so the IDE's breakpoints reach a live process and come back verified (or not)
 * by it. Breakpoints sent earlier are recorded too (and replayed on every attach).
 */
public final class AttachHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    AttachConfig config = AttachConfig.parse(arguments);
    return ctx.session().attach(ctx.targets().resolve(config), config.timeout());
  }

  @Override
  public String eventAfter() {
    return "initialized";
  }
}
