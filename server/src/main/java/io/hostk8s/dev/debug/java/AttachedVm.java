package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.IDebugSession;
import com.microsoft.java.debug.core.adapter.IDebugAdapterContext;
import com.sun.jdi.VMDisconnectedException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The java-debug session context of one connection, captured when java-debug initialises the providers on
 * {@code attach}, so that closing the connection can detach from the VM (JDWP then accepts the next debugger;
 * the VM and its threads keep running).
 */
final class AttachedVm {
  private static final Logger LOG = Logger.getLogger(AttachedVm.class.getName());
  private volatile IDebugAdapterContext context;

  void attached(IDebugAdapterContext ctx) {
    this.context = ctx;
  }

  /** Detaches if attached; a VM already gone or already detached (a DAP {@code disconnect}) is fine. */
  void detach() {
    IDebugAdapterContext ctx = context;
    context = null;
    IDebugSession session = ctx == null ? null : ctx.getDebugSession();
    if (session == null) {
      return;
    }
    try {
      session.detach();
    } catch (VMDisconnectedException e) {
      LOG.fine("VM already disconnected");
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "detach failed", e);
    }
  }
}
