package io.hostk8s.dev.debug;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A debugger back end (python = debugpy, java = java-debug over JDWP). Plugging in a runtime = how to open a DAP
 * connection for a forwarded host:port, and the runtime's own attach arguments. Everything else (handshake,
 * breakpoints, reattach) is the session's.
 */
public interface DebugRuntime {
  /** The runtime's name in hostk8s.dev.yaml ({@code debug.runtime}). */
  String name();

  /**
   * A fresh DAP connection to the debuggee's adapter reachable at host:port (already forwarded). Fails fast
   * (IOException or HostK8sException) when nothing answers; the session retries.
   */
  DapConnection open(DebugTarget target, String host, int port, Duration timeout) throws Exception;

  /** Where the service's sources are, given its context dir (python: the context; java: its src/main/java). */
  default Path defaultLocalRoot(Path context) {
    return context;
  }

  /** The {@code attach} arguments for the debuggee's adapter, reached at host:port. */
  JsonObject attachArguments(DebugTarget target, String host, int port);

  /**
   * Attach arguments for a subprocess the debuggee announced (debugpy's {@code debugpyAttach} body), reached
   * through our own host:port; null when the runtime has no subprocess sessions.
   */
  default JsonObject subprocessAttachArguments(JsonObject announced, DebugTarget target, String host, int port) {
    return null;
  }
}
