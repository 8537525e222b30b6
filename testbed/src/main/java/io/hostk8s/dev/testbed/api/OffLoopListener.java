package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wraps the CRUD mock's watch listener so that its close callbacks run off the event loop: the mock's
 * {@code WatchEventsListener.onClosed} waits for its sender thread, which may itself be waiting for the event
 * loop to write an event — a 30 s deadlock that stalls every other request (seen with exec's pod watch).
 */
final class OffLoopListener extends WebSocketListener {

  private static final ExecutorService CLOSERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "watch-close");
    t.setDaemon(true);
    return t;
  });

  private final WebSocketListener delegate;

  OffLoopListener(WebSocketListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onBeforeAccept(WebSocket ws, Response response) {
    delegate.onBeforeAccept(ws, response);
  }

  @Override
  public void onOpen(WebSocket ws, Response response) {
    delegate.onOpen(ws, response);
  }

  @Override
  public void onMessage(WebSocket ws, String text) {
    delegate.onMessage(ws, text);
  }

  @Override
  public void onMessage(WebSocket ws, ByteString bytes) {
    delegate.onMessage(ws, bytes);
  }

  @Override
  public void onMessage(WebSocket ws, byte[] bytes) {
    delegate.onMessage(ws, bytes);
  }

  @Override
  public void onPing(WebSocket ws, byte[] bytes) {
    delegate.onPing(ws, bytes);
  }

  @Override
  public void onClosing(WebSocket ws, int code, String reason) {
    CLOSERS.execute(() -> delegate.onClosing(ws, code, reason));
  }

  @Override
  public void onClosed(WebSocket ws, int code, String reason) {
    CLOSERS.execute(() -> delegate.onClosed(ws, code, reason));
  }

  @Override
  public void onFailure(WebSocket ws, Throwable t, Response response) {
    CLOSERS.execute(() -> delegate.onFailure(ws, t, response));
  }
}
