package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;

/** Serves one DAP request command for one IDE session. */
public interface DapRequestHandler {
  /** The response body (null for none), or a failure (translated once, by the connection). */
  CompletableFuture<?> handle(String command, JsonElement arguments, DapContext context);

  /** An event to send right after a successful response (e.g. {@code initialized}), or null. */
  default String eventAfter() {
    return null;
  }
}
