package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.dap.handler.DapContext;
import io.hostk8s.dev.dap.handler.DapRequestHandler;
import io.hostk8s.dev.debug.DebugSession;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.debug.DebugTargets;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
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
 * answered with an error response and the connection carries on.
 */
final class IdeConnection implements DebugSession.Ide, DapWire.Problems {
  private static final Logger LOG = Logger.getLogger(IdeConnection.class.getName());
  private final Socket socket;
  private final RequestDispatcher dispatcher;
  private final DebugSession session;
  private final DapContext context;
  private final StreamMessageConsumer writer;
  private final StreamMessageProducer reader;
  private final Object writeLock = new Object();
  private int seq;

  IdeConnection(Socket socket, RequestDispatcher dispatcher, DebugSessions sessions, DebugTargets targets) throws IOException {
    this.socket = socket;
    this.dispatcher = dispatcher;
    socket.setTcpNoDelay(true);
    MessageJsonHandler json = DapWire.json();
    this.writer = DapWire.writer(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024), json);
    this.reader = DapWire.reader(new BufferedInputStream(socket.getInputStream(), 64 * 1024), json, this);
    this.session = new DebugSession(sessions.newId(), this, WireDapChannel::open, sessions);
    this.context = new DapContext(session, targets);
  }

  /** Serves the connection until the IDE leaves; then ends the session. */
  void serve() {
    try {
      reader.listen(this::onMessage);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "debug client left", e);
    } finally {
      session.close();
      close();
    }
  }

  private void onMessage(Message m) {
    if (!(m instanceof DebugRequestMessage q)) {
      return; // the IDE answers no requests of ours (we send none)
    }
    DapRequestHandler handler = dispatcher.handler(q.getMethod());
    CompletableFuture<?> result;
    try {
      result = handler.handle(q.getMethod(), params(q), context);
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
    respond("0", "unknown", null, HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE, "Unreadable DAP message: " + what + ".",
        "Send Content-Length framed JSON DAP messages of at most " + DapWire.MAX_FRAME + " bytes."));
  }

  @Override
  public void handle(Message message, List<MessageIssue> issues) {
    String seq = message instanceof DebugRequestMessage q ? q.getId() : "0";
    String command = message instanceof DebugRequestMessage q ? q.getMethod() : "unknown";
    respond(seq == null ? "0" : seq, command == null ? "unknown" : command, null, HostK8sException.user(ErrorCode.DEBUG_BAD_MESSAGE,
        "Unreadable DAP message: " + issues.stream().map(MessageIssue::getText).toList() + ".",
        "Send valid JSON with the DAP fields (seq, type, command, arguments)."));
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // gone
    }
  }
}
