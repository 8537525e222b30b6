package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.hostk8s.dev.debug.DapChannel;
import io.hostk8s.dev.debug.DapConnection;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.util.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

/** DAP to a debuggee's adapter over a {@link DapConnection}: our own sequence numbers, one reader thread. */
final class WireDapChannel implements DapChannel {
  private static final Logger LOG = Logger.getLogger(WireDapChannel.class.getName());
  private final DapConnection connection;
  private final String name;
  private final Listener listener;
  private final StreamMessageConsumer writer;
  private final StreamMessageProducer reader;
  private final AtomicInteger seq = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonElement>> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  private WireDapChannel(DapConnection connection, String name, Listener listener) {
    this.connection = connection;
    this.name = name;
    this.listener = listener;
    MessageJsonHandler json = DapWire.json();
    this.writer = DapWire.writer(connection.out(), json);
    this.reader = DapWire.reader(connection.in(), json, new DapWire.Problems() {
      @Override
      public void malformed(String what) {
        LOG.warning(() -> name + ": unreadable message from the debugger: " + what);
      }

      @Override
      public void handle(Message message, List<MessageIssue> issues) {
        LOG.warning(() -> name + ": unreadable message from the debugger: " + issues);
      }
    });
  }

  static DapChannel open(DapConnection connection, String name, Listener listener) {
    WireDapChannel c = new WireDapChannel(connection, name, listener);
    Thread t = new Thread(c::readLoop, "dap-debuggee-" + name);
    t.setDaemon(true);
    t.start();
    return c;
  }

  private void readLoop() {
    try {
      reader.listen(this::onMessage);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, name + ": connection ended", e);
    } finally {
      close();
      listener.closed();
    }
  }

  private void onMessage(Message m) {
    if (m instanceof DebugResponseMessage r) {
      CompletableFuture<JsonElement> f = pending.remove(Integer.parseInt(r.getId()));
      if (f == null) {
        return;
      }
      ResponseError error = r.getError();
      if (error != null) {
        f.completeExceptionally(HostK8sException.user(ErrorCode.DEBUGGEE_ERROR, error.getMessage(), null));
      } else {
        f.complete(tree(r.getResult()));
      }
    } else if (m instanceof DebugNotificationMessage n) {
      listener.event(n.getMethod(), tree(n.getParams()));
    } else if (m instanceof DebugRequestMessage q) {
      DebugResponseMessage no = new DebugResponseMessage();
      no.setRawId(q.getRawId());
      no.setResponseId(seq.incrementAndGet());
      no.setMethod(q.getMethod());
      no.setError(new ResponseError(ErrorCode.DEBUGGEE_ERROR.code(), "'" + q.getMethod() + "' is not supported by hostk8s", null));
      send(no);
    }
  }

  private static JsonElement tree(Object o) {
    if (o == null) {
      return JsonNull.INSTANCE;
    }
    return o instanceof JsonElement je ? je : Json.GSON.toJsonTree(o);
  }

  @Override
  public CompletableFuture<JsonElement> request(String command, JsonElement arguments) {
    CompletableFuture<JsonElement> f = new CompletableFuture<>();
    if (!open.get()) {
      f.completeExceptionally(gone());
      return f;
    }
    int id = seq.incrementAndGet();
    pending.put(id, f);
    DebugRequestMessage q = new DebugRequestMessage();
    q.setId(id);
    q.setMethod(command);
    q.setParams(arguments == null || arguments.isJsonNull() ? null : arguments);
    if (!open.get() || !send(q)) {
      pending.remove(id);
      f.completeExceptionally(gone());
    }
    return f;
  }

  private boolean send(Message m) {
    try {
      writer.consume(m);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, name + ": write failed", e);
      close();
      return false;
    }
  }

  private HostK8sException gone() {
    return HostK8sException.user(ErrorCode.DEBUG_NOT_ATTACHED, name + ": the connection to the debugger is closed.", null);
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      reader.close();
      connection.close();
      pending.values().forEach(f -> f.completeExceptionally(gone()));
      pending.clear();
    }
  }
}
