package io.hostk8s.dev.debug;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A fresh DAP connection to a debuggee's own adapter — debugpy's socket for Python, an in-process java-debug
 * server for a JVM. The DAP session (dap/) speaks DAP over these streams and may open a new connection after a
 * reload or a pod replacement. Closing it ends that connection only, never the IDE's session.
 */
public interface DapConnection extends AutoCloseable {
  InputStream in();

  OutputStream out();

  @Override
  void close();
}
