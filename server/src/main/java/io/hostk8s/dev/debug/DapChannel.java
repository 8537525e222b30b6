package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;

/**
 * DAP spoken over one {@link DapConnection}: requests with their own sequence numbers, answers matched to them,
 * events handed to a {@link Listener}. Implemented by the adapter side (dap/) on lsp4j's DAP framing; the domain
 * only sees commands, JSON bodies and futures.
 */
public interface DapChannel extends AutoCloseable {
  /**
   * Sends a request; the future completes with the response body (JsonNull when there is none) or fails with a
   * HostK8sException carrying the debuggee's error message (or the connection's end).
   */
  CompletableFuture<JsonElement> request(String command, JsonElement arguments);

  boolean isOpen();

  @Override
  void close();

  /** What a channel reports: events in arrival order (one reader thread), then its end, once. */
  interface Listener {
    void event(String event, JsonElement body);

    void closed();
  }

  /** Opens channels over connections (the dap/ package provides it). */
  @FunctionalInterface
  interface Factory {
    DapChannel open(DapConnection connection, String name, Listener listener);
  }
}
