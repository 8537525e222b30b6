package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One debuggee process behind one DAP connection (the pod's main process, or a subprocess such as Flask's
 * reloader child). Does the attach handshake — initialize, attach (answer not awaited), initialized, replay of the
 * IDE's breakpoints, configurationDone, then the attach answer (java-debug answers attach before initialized: both
 * orders work) — and then routes the connection's events to its owner.
 */
public final class DebuggeeLink implements DapChannel.Listener {
  /** The session: hears this link's events and its end. */
  public interface Owner {
    void event(DebuggeeLink link, String event, JsonElement body);

    void closed(DebuggeeLink link);
  }

  private final String name;
  private final boolean root;
  private final Owner owner;
  private final CompletableFuture<Void> initialized = new CompletableFuture<>();
  private final Set<String> stoppedThreads = ConcurrentHashMap.newKeySet();
  private volatile DapChannel channel;
  private volatile boolean configured;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile JsonElement capabilities;

  public DebuggeeLink(String name, boolean root, Owner owner) {
    this.name = name;
    this.root = root;
    this.owner = owner;
  }

  public String name() {
    return name;
  }

  public boolean root() {
    return root;
  }

  /** The debuggee adapter's capabilities (the initialize answer), null before the handshake. */
  public JsonElement capabilities() {
    return capabilities;
  }

  /**
   * Connects and attaches; replays {@code book} under its lock so no breakpoint change is lost in between.
   * Throws on any failure (the caller closes the link and retries).
   */
  public void attach(DebugRuntime runtime, DebugTarget target, String host, int port, JsonObject initializeArgs, JsonObject attachArgs,
      BreakpointBook book, DapChannel.Factory channels, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    DapConnection connection = runtime.open(target, host, port, timeout);
    channel = channels.open(connection, name, this);
    capabilities = channel.request("initialize", initializeArgs).get(left(deadline), TimeUnit.MILLISECONDS);
    CompletableFuture<JsonElement> attached = channel.request("attach", attachArgs);
    CompletableFuture.anyOf(initialized, attached).get(left(deadline), TimeUnit.MILLISECONDS);
    if (attached.isCompletedExceptionally()) {
      attached.join();
    }
    initialized.get(left(deadline), TimeUnit.MILLISECONDS);
    List<CompletableFuture<JsonElement>> replayed = new ArrayList<>();
    synchronized (book) {
      for (BreakpointBook.Entry e : book.replay()) {
        replayed.add(channel.request(e.command(), e.arguments()));
      }
      configured = true;
    }
    for (CompletableFuture<JsonElement> f : replayed) {
      f.get(left(deadline), TimeUnit.MILLISECONDS);
    }
    channel.request("configurationDone", new JsonObject()).get(left(deadline), TimeUnit.MILLISECONDS);
    attached.get(left(deadline), TimeUnit.MILLISECONDS);
  }

  private static long left(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  /** True once the link has had the IDE's configuration: later changes are sent to it directly. */
  public boolean configured() {
    return configured && !closed.get();
  }

  public CompletableFuture<JsonElement> request(String command, JsonElement arguments) {
    DapChannel c = channel;
    if (c == null || closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " is not connected"));
    }
    return c.request(command, arguments);
  }

  /** Thread ids stopped in this process (to release the IDE's stopped view when the process goes away). */
  public Set<String> stoppedThreads() {
    return Set.copyOf(stoppedThreads);
  }

  /** Detaches without terminating the debuggee, then closes the connection. */
  public void detach(Duration timeout) {
    DapChannel c = channel;
    if (c != null && c.isOpen() && !closed.get()) {
      JsonObject args = new JsonObject();
      args.addProperty("restart", false);
      args.addProperty("terminateDebuggee", false);
      try {
        c.request("disconnect", args).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception ignored) {
        // gone or slow: closing is enough
      }
    }
    close();
  }

  /** Closes on purpose: the owner is not told. */
  public void close() {
    closed.set(true);
    initialized.completeExceptionally(new IllegalStateException(name + ": closed"));
    closeChannel();
  }

  /** The connection is gone (or the target moved): closes it and tells the owner, once. */
  public void lost() {
    if (closed.compareAndSet(false, true)) {
      closeChannel();
      initialized.completeExceptionally(new IllegalStateException(name + ": connection closed"));
      owner.closed(this);
    }
  }

  private void closeChannel() {
    DapChannel c = channel;
    if (c != null) {
      c.close();
    }
  }

  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void event(String event, JsonElement body) {
    if ("initialized".equals(event)) {
      initialized.complete(null);
      return;
    }
    if ("stopped".equals(event)) {
      stoppedThreads.add(threadId(body));
    } else if ("continued".equals(event)) {
      stoppedThreads.clear();
    }
    owner.event(this, event, body);
  }

  @Override
  public void closed() {
    initialized.completeExceptionally(new IllegalStateException(name + ": connection closed"));
    lost();
  }

  private static String threadId(JsonElement body) {
    if (body != null && body.isJsonObject() && body.getAsJsonObject().has("threadId")) {
      return body.getAsJsonObject().get("threadId").getAsString();
    }
    return "";
  }

  @Override
  public String toString() {
    return name;
  }
}
