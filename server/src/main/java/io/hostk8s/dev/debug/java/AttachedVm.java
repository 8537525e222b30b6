package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.IDebugSession;
import com.microsoft.java.debug.core.adapter.IDebugAdapterContext;
import com.sun.jdi.VMDisconnectedException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The java-debug session context of one connection, captured when java-debug initialises the providers on
 * {@code attach}, so that closing the connection can detach from the VM (JDWP then accepts the next debugger;
 * the VM and its threads keep running). An attach that completes after the connection was closed (JDI was still
 * connecting) is detached at once, so it cannot hold the VM's only JDWP slot.
 */
final class AttachedVm {
  private static final Logger LOG = Logger.getLogger(AttachedVm.class.getName());
  private IDebugAdapterContext context;
  private boolean closed;

  void attached(IDebugAdapterContext ctx) {
    boolean late;
    synchronized (this) {
      late = closed;
      context = late ? null : ctx;
    }
    if (late) {
      LOG.info("attach completed after the connection closed: detaching");
      detach(ctx);
    }
  }

  /** Detaches if attached and refuses later attaches; a VM already gone or detached (DAP disconnect) is fine. */
  void detach() {
    IDebugAdapterContext ctx;
    synchronized (this) {
      closed = true;
      ctx = context;
      context = null;
    }
    detach(ctx);
  }

  private static void detach(IDebugAdapterContext ctx) {
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
