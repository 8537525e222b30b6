package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.dap.handler.DapContext;
import io.hostk8s.dev.dap.handler.DapRequestHandler;
import io.hostk8s.dev.dap.handler.InitializeHandler;
import io.hostk8s.dev.debug.DebugSession;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.debug.DebugTargets;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugNotificationMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugRequestMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/**
 * One IDE connection = one debug session: reads the IDE's requests, hands each to its handler, writes the
 * answer (failures through {@link DapErrors}), and carries the session's events back. Unreadable frames are
 * answered with an error response and the connection carries on. Each request passes the connection's
 * {@link ConnectionGate} first: a TCP client that has not shown the token gets {@code initialize} and nothing else.
 */
final class IdeConnection implements DebugSession.Ide, DapWire.Problems {
  private static final Logger LOG = Logger.getLogger(IdeConnection.class.getName());
  private final IdeChannel channel;
  private final ConnectionGate gate;
  private final RequestDispatcher dispatcher;
  private final DebugSessions sessions;
  private final DebugTargets targets;
  /** Created once the gate is open, so a refused connection never shows up as a session. */
  private volatile DapContext context;
  /** The IDE's initialize arguments when they came before the token, for the session once it exists. */
  private JsonElement earlyInitialize;
  private final StreamMessageConsumer writer;
  private final StreamMessageProducer reader;
  private final Object writeLock = new Object();
  private int seq;

  IdeConnection(IdeChannel channel, ConnectionGate gate, RequestDispatcher dispatcher, DebugSessions sessions, DebugTargets targets) {
    this.channel = channel;
    this.gate = gate;
    this.dispatcher = dispatcher;
    MessageJsonHandler json = DapWire.json();
    this.writer = DapWire.writer(new BufferedOutputStream(channel.out(), 64 * 1024), json);
    this.reader = DapWire.reader(new BufferedInputStream(channel.in(), 64 * 1024), json, this);
    this.sessions = sessions;
    this.targets = targets;
    if (gate.isOpen()) {
      context();
    }
  }

  private DapContext context() {
    if (context == null) {
      DebugSession session = new DebugSession(sessions.newId(), this, WireDapChannel::open, sessions);
      if (earlyInitialize != null && earlyInitialize.isJsonObject()) {
        session.initialize(earlyInitialize.getAsJsonObject());
      }
      context = new DapContext(session, targets);
    }
    return context;
  }

  /** Serves the connection until the IDE leaves; then ends the session. */
  void serve() {
    try {
      reader.listen(this::onMessage);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "debug client left", e);
    } finally {
      if (context != null) {
        context.session().close();
      }
      close();
    }
  }

  private void onMessage(Message m) {
    if (!(m instanceof DebugRequestMessage q)) {
      return; // the IDE answers no requests of ours (we send none)
    }
    if (!admitted(q)) {
      return;
    }
    if (!gate.isOpen()) { // initialize before the token: answered, remembered, no session yet
      earlyInitialize = params(q);
      try {
        respond(q.getId(), q.getMethod(), InitializeHandler.capabilities(earlyInitialize).join(), null);
      } catch (RuntimeException e) {
        respond(q.getId(), q.getMethod(), null, e);
      }
      return;
    }
    DapRequestHandler handler = dispatcher.handler(q.getMethod());
    CompletableFuture<?> result;
    try {
      result = handler.handle(q.getMethod(), params(q), context());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete((body, error) -> {
      respond(q.getId(), q.getMethod(), body, error);
      if (error == null && handler.eventAfter() != null) {
        event(handler.eventAfter(), new JsonObject());
      }
    });
  }

  /** The gate's verdict carried out: refused → an error answer, then closed; dropped → closed unanswered. */
  private boolean admitted(DebugRequestMessage q) {
    ConnectionGate.Verdict v = gate.admit(q.getMethod(), params(q));
    if (v == ConnectionGate.Verdict.REFUSE) {
      respond(q.getId(), q.getMethod(), null, HostK8sException.user(ErrorCode.DEBUG_ACCESS_DENIED,
          "This debug adapter connection needs the adapter's token: pass \"token\" (from hostk8s.debug.endpoint) in the "
              + q.getMethod() + " arguments.",
          "Connect to the Unix socket hostk8s.debug.endpoint names (path), or pass its token when you connect by host and port."));
    }
    if (v != ConnectionGate.Verdict.SERVE) {
      LOG.fine(() -> "debug connection closed: a request before a valid token (" + v + ")");
      close();
      return false;
    }
    return true;
  }

  private static JsonElement params(DebugRequestMessage q) {
    Object p = q.getParams();
    return p instanceof JsonElement je ? je : null;
  }

  private void respond(String requestSeq, String command, Object body, Throwable error) {
    DebugResponseMessage r = new DebugResponseMessage();
    r.setId(requestSeq);
    r.setMethod(command);
    if (error != null) {
      r.setError(DapErrors.toResponseError(error));
    } else if (body != null && !(body instanceof JsonElement je && je.isJsonNull())) {
      r.setResult(body);
    }
    send(r);
  }

  @Override
  public void event(String event, JsonElement body) {
    DebugNotificationMessage n = new DebugNotificationMessage();
    n.setMethod(event);
    n.setParams(body == null || body.isJsonNull() ? null : body);
    send(n);
  }

  private void send(Message m) {
    try {
      synchronized (writeLock) {
        seq++;
        if (m instanceof DebugResponseMessage r) {
          r.setResponseId(seq);
        } else if (m instanceof DebugNotificationMessage n) {
          n.setId(seq);
        }
        writer.consume(m);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "writing to the debug client failed", e);
      close();
    }
  }

  @Override
  public void malformed(String what) {
    if (!gate.isOpen()) {
      close();
      return;
    }
    respond("0", "unknown", null, HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE, "Unreadable DAP message: " + what + ".",
        "Send Content-Length framed JSON DAP messages of at most " + DapWire.MAX_FRAME + " bytes."));
  }

  @Override
  public void handle(Message message, List<MessageIssue> issues) {
    if (!gate.isOpen()) {
      close();
      return;
    }
    String seq = message instanceof DebugRequestMessage q ? q.getId() : "0";
    String command = message instanceof DebugRequestMessage q ? q.getMethod() : "unknown";
    respond(seq == null ? "0" : seq, command == null ? "unknown" : command, null, HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE,
        "Unreadable DAP message: " + issues.stream().map(MessageIssue::getText).toList() + ".",
        "Send valid JSON with the DAP fields (seq, type, command, arguments)."));
  }

  void close() {
    channel.close();
  }
}
