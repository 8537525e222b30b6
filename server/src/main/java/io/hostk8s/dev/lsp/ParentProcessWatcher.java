package io.hostk8s.dev.lsp;

import java.util.logging.Logger;

/** Exits the server when the client process (initialize's processId) dies, so no orphan server lingers. */
final class ParentProcessWatcher {
  private static final Logger LOG = Logger.getLogger(ParentProcessWatcher.class.getName());

  private ParentProcessWatcher() {}

  static void watch(Integer pid, Runnable onExit) {
    if (pid == null) {
      return;
    }
    ProcessHandle.of(pid).ifPresentOrElse(
        h -> h.onExit().thenRun(() -> {
          LOG.info("client process " + pid + " exited; shutting down");
          onExit.run();
        }),
        () -> {
          LOG.info("client process " + pid + " is not running; shutting down");
          onExit.run();
        });
  }
}
