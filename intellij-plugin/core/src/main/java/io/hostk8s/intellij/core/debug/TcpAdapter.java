package io.hostk8s.intellij.core.debug;

import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import io.hostk8s.intellij.core.json.Json;

/**
 * Where LSP4IJ connects to the server's debug adapter. LSP4IJ speaks DAP over TCP only (no Unix socket), so the
 * plugin uses {@code host}:{@code port} of the {@code hostk8s.debug.endpoint} answer and shows its {@code token} in
 * the attach request. The token is a secret: {@link #toString()} hides it.
 */
public record TcpAdapter(String host, int port, String token) {
  /** The endpoint answer as LSP4IJ gives it (a map with Double numbers, a JsonElement or the record). */
  public static TcpAdapter of(Object endpointReply) {
    DebugEndpoint ep = Json.as(endpointReply, DebugEndpoint.class);
    if (ep == null || ep.port() <= 0) {
      throw new IllegalArgumentException("HostK8s: hostk8s.debug.endpoint returned no TCP port (LSP4IJ needs host and port).");
    }
    if (ep.token() == null || ep.token().isEmpty()) {
      throw new IllegalArgumentException("HostK8s: hostk8s.debug.endpoint returned no token for its TCP port.");
    }
    return new TcpAdapter(ep.host() == null || ep.host().isEmpty() ? "127.0.0.1" : ep.host(), ep.port(), ep.token());
  }

  @Override
  public String toString() {
    return "TcpAdapter[" + host + ":" + port + ", token=(hidden)]";
  }
}
