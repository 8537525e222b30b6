package io.hostk8s.dev.debug;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One IDE debug session. Behind it: the debuggee's main process (root link) and any subprocesses it announced
 * (Flask's reloader child). The IDE sees ONE session: requests go to the active process — the newest
 * subprocess, else the main one, or whichever process stopped last — and events from other processes are
 * dropped except {@code output}. When a connection ends (reload, pod replaced, forward moved) the session
 * re-attaches by itself, replays the IDE's breakpoints, releases a stopped view and says so in an
 * {@code output} event; the IDE session only ends on disconnect.
 */
public final class DebugSession implements DebuggeeLink.Owner, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DebugSession.class.getName());
  private static final Duration HANDSHAKE = Duration.ofSeconds(15);
  private static final Duration DETACH = Duration.ofSeconds(1);

  /** The IDE side: where events go. */
  @FunctionalInterface
  public interface Ide {
    void event(String event, JsonElement body);
  }

  private final String id;
  private final Ide ide;
  private final DapChannel.Factory channels;
  private final DebugSessions registry;
  private final BreakpointBook book = new BreakpointBook();
  private final ExecutorService work;
  private final List<DebuggeeLink> links = new ArrayList<>();
  private JsonObject initializeArgs = new JsonObject();
  private DebugTargets.Resolved resolved;
  private DebugEndpoint.Address address;
  private DebuggeeLink root;
  private String rootAt;
  private DebuggeeLink active;
  private AutoCloseable podWatch;
  private BreakpointSourceCheck sourceCheck;
  private boolean ended;
  private String state = "new";
  private int generation;
  private int subprocesses;

  public DebugSession(String id, Ide ide, DapChannel.Factory channels, DebugSessions registry) {
    this.id = id;
    this.ide = ide;
    this.channels = channels;
    this.registry = registry;
    this.work = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "debug-" + id);
      t.setDaemon(true);
      return t;
    });
    registry.register(this);
  }

  public String id() {
    return id;
  }

  /** Remembers the IDE's initialize arguments (passed on to every debuggee adapter). */
  public synchronized void initialize(JsonObject args) {
    JsonObject a = args == null ? new JsonObject() : args.deepCopy();
    a.addProperty("supportsRunInTerminalRequest", false);
    a.addProperty("supportsStartDebuggingRequest", false);
    a.addProperty("pathFormat", "path");
    initializeArgs = a;
  }

  /** Attaches to the debuggee's main process; completes once it is attached (its subprocesses follow). */
  public CompletableFuture<Void> attach(DebugTargets.Resolved target, Duration timeout) {
    synchronized (this) {
      if (resolved != null) {
        return CompletableFuture.failedFuture(HostK8sException.user(ErrorCode.INVALID_ARGUMENTS,
            "This debug session is already attached to " + resolved.target().service() + ".", "Start another debug session."));
      }
      resolved = target;
      initializeArgs.addProperty("adapterID", target.runtime().name());
      if (target.sourceChecks() != null) {
        sourceCheck = target.sourceChecks().start(this::output);
      }
    }
    book.sourcePaths().forEach(this::checkSource);
    setState("attaching");
    CompletableFuture<Void> attached = CompletableFuture.runAsync(() -> {
      long t0 = System.nanoTime();
      DebuggeeLink link = connectRoot(System.nanoTime() + timeout.toNanos());
      JsonObject caps = new JsonObject();
      if (link.capabilities() != null && link.capabilities().isJsonObject()) {
        caps.add("capabilities", link.capabilities());
        ide.event("capabilities", caps);
      }
      try {
        podWatch = target.endpoint().onChange(this::podChanged);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "no pod-change notifications", e);
      }
      setState("attached");
      output(target.target().service() + ": attached to " + target.endpoint().describe() + " in "
          + (System.nanoTime() - t0) / 1_000_000 + " ms.");
    }, work);
    // a failed attach ends the session (the IDE ends it too); status must not say "attaching" forever
    attached.whenComplete((v, e) -> {
      if (e != null) {
        new Thread(this::close, "debug-" + id + "-end").start();
      }
    });
    return attached;
  }

  /** Records a breakpoint/exception configuration and sends it to every configured process. */
  public CompletableFuture<JsonElement> configure(String command, JsonObject args) {
    if ("setBreakpoints".equals(command) && args.has("source") && args.get("source").isJsonObject()
        && args.getAsJsonObject("source").has("path")) {
      checkSource(args.getAsJsonObject("source").get("path").getAsString());
    }
    List<CompletableFuture<JsonElement>> sent = new ArrayList<>();
    DebuggeeLink target;
    synchronized (book) {
      book.record(command, args);
      target = activeLink();
      for (DebuggeeLink l : snapshotLinks()) {
        if (l.configured()) {
          CompletableFuture<JsonElement> f = l.request(command, args);
          if (l == target) {
            sent.add(f);
          }
        }
      }
    }
    if (!sent.isEmpty()) {
      DebuggeeLink answering = target;
      // the process going away meanwhile is not the IDE's error: the breakpoints are recorded and replayed
      return sent.get(0).exceptionallyCompose(e -> answering.isClosed() ? CompletableFuture.completedFuture(pending(command, args))
          : CompletableFuture.failedFuture(e));
    }
    return CompletableFuture.completedFuture(pending(command, args));
  }

  private static JsonObject noThreads() {
    JsonObject none = new JsonObject();
    none.add("threads", new JsonArray());
    return none;
  }

  /** Any other request: to the active process. */
  public CompletableFuture<JsonElement> forward(String command, JsonElement args) {
    DebuggeeLink l = activeLink();
    if (l == null || !l.configured()) {
      if ("threads".equals(command)) {
        return CompletableFuture.completedFuture(noThreads());
      }
      return CompletableFuture.failedFuture(HostK8sException.user(ErrorCode.DEBUG_NOT_ATTACHED,
          "'" + command + "' cannot run now: " + describeState() + ".",
          "Wait for the \"re-attached\" message in the Debug Console, then try again."));
    }
    int gen = generation();
    return l.request(command, args).exceptionallyCompose(e -> (gen != generation() || l.isClosed()) && "threads".equals(command)
        // the IDE polls threads; the process going away meanwhile (reload) is not an error to show the user
        ? CompletableFuture.completedFuture(noThreads())
        : CompletableFuture.failedFuture(
        gen != generation() || l.isClosed() ? HostK8sException.user(ErrorCode.DEBUG_NOT_ATTACHED,
            "'" + command + "' refers to a process that is gone (" + describeState() + ").",
            "Ids from before a reload or pod replacement are stale: use the new stopped location.") : e));
  }

  /** Detaches from every process (the debuggee keeps running) and ends the session. */
  public CompletableFuture<Void> disconnect() {
    return CompletableFuture.runAsync(this::close, work.isShutdown() ? Runnable::run : work);
  }

  /** Ends the session: detaches, stops reattaching, publishes {@code ended}. Idempotent. */
  @Override
  public void close() {
    List<DebuggeeLink> toDetach;
    DebugTargets.Resolved r;
    AutoCloseable watch;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      toDetach = new ArrayList<>(links);
      links.clear();
      active = null;
      root = null;
      r = resolved;
      watch = podWatch;
      if (sourceCheck != null) {
        sourceCheck.close();
      }
    }
    for (DebuggeeLink l : toDetach) {
      l.detach(DETACH);
    }
    try {
      if (watch != null) {
        watch.close();
      }
    } catch (Exception ignored) {
      // best effort
    }
    if (r != null) {
      r.endpoint().close();
    }
    setState("ended");
    work.shutdownNow();
  }

  // ------------------------------------------------------------------------------------------ links

  private DebuggeeLink connectRoot(long deadline) {
    DebugTargets.Resolved r = resolved;
    Exception last = null;
    long backoff = 100;
    long noteAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!isEnded()) {
      if (deadline == Long.MAX_VALUE && last != null && System.nanoTime() > noteAt) {
        noteAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        output(r.target().service() + ": still re-attaching (" + message(last) + ").");
      }
      long left = deadline == Long.MAX_VALUE ? Duration.ofSeconds(5).toNanos() : deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      DebuggeeLink link = new DebuggeeLink(r.target().service(), true, this);
      try {
        DebugEndpoint.Address a = r.endpoint().await(Duration.ofNanos(left));
        synchronized (this) {
          address = a;
          links.add(link);
        }
        Duration handshake = Duration.ofNanos(Math.min(left, HANDSHAKE.toNanos()));
        link.attach(r.runtime(), r.target(), a.host(), a.port(), initializeArgs(), r.runtime().attachArguments(r.target(), a.host(), a.port()),
            book, channels, deadline == Long.MAX_VALUE ? HANDSHAKE : handshake);
        synchronized (this) {
          if (!ended && !link.isClosed()) {
            root = link;
            rootAt = r.endpoint().describe();
            generation++;
            if (active == null || active.isClosed()) {
              active = link;
            }
            return link;
          }
        }
        link.detach(DETACH);
        last = new IllegalStateException("the connection closed during the handshake");
      } catch (HostK8sException e) {
        dropLink(link);
        if (deadline != Long.MAX_VALUE && e.code() != ErrorCode.DEBUG_ATTACH_FAILED) {
          throw e; // unknown service, no pods in time…: the user's to fix
        }
        last = e;
      } catch (Exception e) {
        dropLink(link);
        last = e;
      }
      sleep(backoff);
      backoff = Math.min(backoff * 2, 1000);
    }
    if (isEnded()) {
      throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "The debug session ended while attaching.", List.of(), true, last);
    }
    throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "Could not attach to " + r.target().service() + " at "
        + r.endpoint().describe() + ": " + message(last),
        List.of("Check that the " + r.target().runtime() + " debugger listens in the pod (the pod log shows it), "
            + "or raise \"timeout\" in the launch configuration."), true, last);
  }

  private void attachSubprocess(JsonObject announced) {
    DebugTargets.Resolved r;
    DebugEndpoint.Address a;
    synchronized (this) {
      r = resolved;
      a = address;
      if (ended || r == null || a == null) {
        return;
      }
    }
    JsonObject args = r.runtime().subprocessAttachArguments(announced, r.target(), a.host(), a.port());
    if (args == null) {
      return;
    }
    String pid = announced.has("subProcessId") ? announced.get("subProcessId").getAsString() : "?";
    DebuggeeLink link = new DebuggeeLink(r.target().service() + " (process " + pid + ")", false, this);
    synchronized (this) {
      links.add(link);
    }
    try {
      link.attach(r.runtime(), r.target(), a.host(), a.port(), initializeArgs(), args, book, channels, HANDSHAKE);
      boolean reload;
      synchronized (this) {
        if (ended || link.isClosed()) {
          return;
        }
        reload = subprocesses++ > 0;
        active = link;
        generation++;
      }
      output(r.target().service() + ": attached to process " + pid + (reload ? " (reloaded); breakpoints restored." : "."));
    } catch (Exception e) {
      dropLink(link);
      if (!isEnded()) {
        output(r.target().service() + ": could not attach to process " + pid + ": " + message(e));
      }
    }
  }

  private void reattach(String why) {
    setState("reattaching");
    output(resolved.target().service() + ": " + why + " — re-attaching…");
    long t0 = System.nanoTime();
    try {
      connectRoot(Long.MAX_VALUE);
    } catch (RuntimeException e) {
      if (!isEnded()) {
        LOG.log(Level.WARNING, "re-attach failed", e);
      }
      return;
    }
    setState("attached");
    output(resolved.target().service() + ": re-attached to " + resolved.endpoint().describe() + " in "
        + (System.nanoTime() - t0) / 1_000_000 + " ms; breakpoints restored.");
  }

  private void podChanged(String now) {
    DebuggeeLink r;
    synchronized (this) {
      r = now.equals(rootAt) ? null : root;
    }
    if (r != null) {
      r.lost(); // the old pod's connection is useless: re-attach through the forward now
    }
  }

  @Override
  public void closed(DebuggeeLink link) {
    boolean wasRoot;
    List<DebuggeeLink> children = new ArrayList<>();
    synchronized (this) {
      links.remove(link);
      if (ended) {
        return;
      }
      wasRoot = link == root;
      if (wasRoot) {
        root = null;
        children.addAll(links);
        links.clear();
        active = null;
      } else if (active == link) {
        active = links.isEmpty() ? root : links.get(links.size() - 1);
      }
      generation++;
    }
    release(link);
    children.forEach(c -> {
      c.close();
      release(c);
    });
    if (wasRoot) {
      try {
        work.execute(() -> reattach("connection to " + resolved.endpoint().describe() + " lost (pod replaced or process restarted)"));
      } catch (java.util.concurrent.RejectedExecutionException ignored) {
        // ending
      }
    } else {
      output(resolved.target().service() + ": " + link.name() + " exited — waiting for its successor (reload).");
    }
  }

  /** A process that was stopped is gone: the IDE's stopped view must not hang on it. */
  private void release(DebuggeeLink link) {
    for (String thread : link.stoppedThreads()) {
      JsonObject body = new JsonObject();
      if (!thread.isEmpty()) {
        body.addProperty("threadId", Integer.parseInt(thread));
      }
      body.addProperty("allThreadsContinued", true);
      ide.event("continued", body);
    }
  }

  @Override
  public void event(DebuggeeLink link, String event, JsonElement body) {
    switch (event) {
      case "debugpyAttach" -> {
        if (body != null && body.isJsonObject()) {
          JsonObject announced = body.getAsJsonObject().deepCopy();
          submit(() -> attachSubprocess(announced));
        }
      }
      case "terminated" -> link.lost(); // that process is over (its adapter may keep the socket): re-attach / wait for the successor
      case "debugpyWaitingForServer", "exited", "initialized" -> {
        // the IDE session does not end with a process
      }
      case "output" -> ide.event(event, body);
      case "stopped" -> {
        synchronized (this) {
          if (!links.contains(link)) {
            return;
          }
          active = link;
        }
        ide.event(event, body);
      }
      default -> {
        if (activeLink() == link) {
          ide.event(event, body);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  private void checkSource(String path) {
    BreakpointSourceCheck check;
    synchronized (this) {
      check = sourceCheck;
    }
    if (check != null) {
      check.onBreakpointsSet(path);
    }
  }

  private void submit(Runnable r) {
    try {
      work.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException ignored) {
      // session ended
    }
  }

  private JsonElement pending(String command, JsonObject args) {
    JsonObject body = new JsonObject();
    if ("setBreakpoints".equals(command) || "setFunctionBreakpoints".equals(command)) {
      JsonArray out = new JsonArray();
      JsonElement requested = args.get("breakpoints");
      int n = requested != null && requested.isJsonArray() ? requested.getAsJsonArray().size() : 0;
      for (int i = 0; i < n; i++) {
        JsonObject bp = new JsonObject();
        bp.addProperty("verified", false);
        bp.addProperty("message", "Pending: " + describeState() + ".");
        JsonElement req = requested.getAsJsonArray().get(i);
        if (req.isJsonObject() && req.getAsJsonObject().has("line")) {
          bp.add("line", req.getAsJsonObject().get("line"));
        }
        out.add(bp);
      }
      body.add("breakpoints", out);
      return body;
    }
    return JsonNull.INSTANCE;
  }

  private void dropLink(DebuggeeLink link) {
    synchronized (this) {
      links.remove(link);
    }
    link.close();
  }

  private synchronized List<DebuggeeLink> snapshotLinks() {
    return new ArrayList<>(links);
  }

  private synchronized DebuggeeLink activeLink() {
    return active;
  }

  private synchronized int generation() {
    return generation;
  }

  private synchronized boolean isEnded() {
    return ended;
  }

  private synchronized JsonObject initializeArgs() {
    return initializeArgs.deepCopy();
  }

  private synchronized String describeState() {
    String service = resolved == null ? "the session" : resolved.target().service();
    return switch (state) {
      case "attaching", "new" -> service + " is not attached yet";
      case "reattaching" -> service + " is re-attaching (reload or pod replaced)";
      case "ended" -> "the session has ended";
      default -> service + " has no attached process right now (reloading)";
    };
  }

  private void setState(String s) {
    DebugTargets.Resolved r;
    synchronized (this) {
      if (ended && !"ended".equals(s)) {
        return;
      }
      state = s;
      r = resolved;
    }
    registry.publish(id, r == null ? null : r.target().service(), r == null ? null : r.target().runtime(), s);
  }

  private void output(String text) {
    JsonObject body = new JsonObject();
    body.addProperty("category", "console");
    body.addProperty("output", (text.startsWith("[hostk8s]") ? text : "[hostk8s] " + text) + (text.endsWith("\n") ? "" : "\n"));
    ide.event("output", body);
  }

  private static String message(Throwable t) {
    Throwable c = t;
    while (c != null && c.getCause() != null && (c.getMessage() == null || c instanceof java.util.concurrent.ExecutionException
        || c instanceof java.util.concurrent.CompletionException)) {
      c = c.getCause();
    }
    return c == null ? "unknown error" : c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
