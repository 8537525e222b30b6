package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;

/** {@code configurationDone}: nothing to relay — every process is configured as part of its own attach. */
public final class ConfigurationDoneHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    return CompletableFuture.completedFuture(null);
  }
}
