package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;

/**
 * What one IDE connection may do. A Unix-socket connection is trusted from the start (the socket is 0600 in a 0700
 * directory: only the workspace's user reaches it). A TCP connection is not, until its {@code attach} or
 * {@code launch} carries the adapter's {@link AccessToken}: before that only {@code initialize} is served; an
 * {@code attach}/{@code launch} without the right token is refused (an error, then the connection closes); anything
 * else closes the connection unanswered. So no debuggee data ever reaches a client that did not show the token.
 */
final class ConnectionGate {
  /** What to do with a request. */
  enum Verdict { SERVE, REFUSE, DROP }

  private final AccessToken token;
  private volatile boolean open;

  private ConnectionGate(AccessToken token, boolean open) {
    this.token = token;
    this.open = open;
  }

  /** The Unix socket's connections: its file mode was the check. */
  static ConnectionGate trusted() {
    return new ConnectionGate(null, true);
  }

  /** A TCP connection: closed until a request shows {@code token}. */
  static ConnectionGate tokenRequired(AccessToken token) {
    return new ConnectionGate(token, false);
  }

  boolean isOpen() {
    return open;
  }

  /** Called for each request, in arrival order, before it is dispatched. */
  Verdict admit(String command, JsonElement arguments) {
    if (open || "initialize".equals(command)) {
      return Verdict.SERVE;
    }
    if (!"attach".equals(command) && !"launch".equals(command)) {
      return Verdict.DROP;
    }
    if (!token.admits(arguments)) {
      return Verdict.REFUSE;
    }
    open = true;
    return Verdict.SERVE;
  }
}
