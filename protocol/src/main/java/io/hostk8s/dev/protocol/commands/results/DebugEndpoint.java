package io.hostk8s.dev.protocol.commands.results;

/**
 * Where the engine's debug adapter (DAP, debug type {@code hostk8s}) is reached: the answer of
 * {@code hostk8s.debug.endpoint}. Prefer {@link #path}: a Unix domain socket (mode 0600 in the workspace's 0700
 * {@code .hostk8s/engine/}), no secret needed. A client that can only connect by host and port uses
 * {@link #host}:{@link #port} and passes {@link #token} as the {@code token} argument of its {@code attach} or
 * {@code launch} request; without it the adapter answers nothing but {@code initialize} and closes the connection.
 *
 * @param path  the Unix socket's absolute path, or null when it could not be opened (TCP only then)
 * @param host  loopback, {@code 127.0.0.1}
 * @param port  the TCP port
 * @param token the secret a TCP connection must show (random, 256 bit, valid while the engine runs); a secret:
 *              never log or print it
 */
public record DebugEndpoint(String path, String host, int port, String token) {
  /** Without the token: records print every component, and this one must not end up in a log. */
  @Override
  public String toString() {
    return "DebugEndpoint[path=" + path + ", host=" + host + ", port=" + port + ", token=(hidden)]";
  }
}
