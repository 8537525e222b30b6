package io.hostk8s.dev.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.status.StatusStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session model against scripted debuggee adapters: replay, subprocesses, re-attach, stale ids, released stops. */
class DebugSessionTest {
  /** A debuggee adapter: answers the handshake, records requests, and lets the test send events or hang up. */
  static final class FakeAdapter implements DapChannel {
    final String name;
    final DapChannel.Listener listener;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<JsonElement> arguments = new CopyOnWriteArrayList<>();
    private CompletableFuture<JsonElement> attach;
    volatile boolean open = true;

    FakeAdapter(String name, DapChannel.Listener listener) {
      this.name = name;
      this.listener = listener;
    }

    @Override
    public synchronized CompletableFuture<JsonElement> request(String command, JsonElement args) {
      requests.add(command);
      arguments.add(args);
      switch (command) {
        case "initialize" -> {
          return CompletableFuture.completedFuture(JsonParser.parseString("{\"supportsConfigurationDoneRequest\": true}"));
        }
        case "attach" -> {
          attach = new CompletableFuture<>();
          CompletableFuture.runAsync(() -> listener.event("initialized", JsonNull.INSTANCE));
          return attach;
        }
        case "configurationDone" -> attach.complete(JsonNull.INSTANCE);
        case "setBreakpoints" -> {
          return CompletableFuture.completedFuture(JsonParser.parseString("{\"breakpoints\": [{\"verified\": true, \"line\": 7, \"id\": 1}]}"));
        }
        case "threads" -> {
          return CompletableFuture.completedFuture(JsonParser.parseString("{\"threads\": [{\"id\": 1, \"name\": \"" + name + "\"}]}"));
        }
        default -> { }
      }
      return CompletableFuture.completedFuture(JsonNull.INSTANCE);
    }

    JsonObject lastArgs(String command) {
      for (int i = requests.size() - 1; i >= 0; i--) {
        if (requests.get(i).equals(command)) {
          return arguments.get(i).getAsJsonObject();
        }
      }
      throw new AssertionError(name + " got no " + command + ": " + requests);
    }

    void hangUp() {
      open = false;
      listener.closed();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }

  /** debugpy's attach arguments, connections that go nowhere (the fake adapters stand in). */
  static final class FakePython implements DebugRuntime {
    final PythonRuntime real = new PythonRuntime();

    @Override
    public String name() {
      return "python";
    }

    @Override
    public DapConnection open(DebugTarget target, String host, int port, Duration timeout) {
      return new DapConnection() {
        @Override public InputStream in() { return InputStream.nullInputStream(); }
        @Override public OutputStream out() { return OutputStream.nullOutputStream(); }
        @Override public void close() { }
      };
    }

    @Override
    public JsonObject attachArguments(DebugTarget target, String host, int port) {
      return real.attachArguments(target, host, port);
    }

    @Override
    public JsonObject subprocessAttachArguments(JsonObject announced, DebugTarget target, String host, int port) {
      return real.subprocessAttachArguments(announced, target, host, port);
    }
  }

  final List<FakeAdapter> adapters = new CopyOnWriteArrayList<>();
  final List<String> ideEvents = new CopyOnWriteArrayList<>();
  final List<JsonElement> ideBodies = new CopyOnWriteArrayList<>();
  final StatusStore status = new StatusStore(new StatusSnapshot("t", null, null, List.of(), List.of(), List.of(), null, 0));
  final DebugSessions sessions = new DebugSessions(status);
  final DebugSession session = new DebugSession("debug-1", (e, b) -> {
    ideEvents.add(e);
    ideBodies.add(b);
  }, (connection, name, listener) -> {
    FakeAdapter a = new FakeAdapter(name, listener);
    adapters.add(a);
    return a;
  }, sessions);
  final DebugTargets.Resolved target = new DebugTargets.Resolved(
      new DebugTarget("vote", "python", "/ws/voting-app/vote", "/usr/local/app", true, new JsonObject()),
      new FakePython(), new FixedEndpoint("127.0.0.1", 45678), null);

  @AfterEach
  void end() {
    session.close();
  }

  static void await(BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!c.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(c.getAsBoolean()).isTrue();
  }

  String state() {
    return status.get().debugSessions().stream().map(DebugSessionStatus::state).findFirst().orElse("none");
  }

  static JsonObject breakpointsIn(String path) {
    return JsonParser.parseString("{\"source\": {\"path\": \"" + path + "\"}, \"breakpoints\": [{\"line\": 7}]}").getAsJsonObject();
  }

  void attach() throws Exception {
    session.initialize(new JsonObject());
    session.attach(target, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void whenItsClusterGoesTheIdeIsToldWhyAndThatTheDebuggeeTerminated() throws Exception {
    attach();
    assertThat(sessions.endAll("The sandbox stopped (sandbox down); this debug session ended."))
        .containsExactly("debug vote (python)");
    int terminated = ideEvents.indexOf("terminated");
    assertThat(terminated).as("events: " + ideEvents).isGreaterThan(0);
    assertThat(ideBodies.subList(0, terminated).stream().map(JsonElement::toString))
        .anyMatch(b -> b.contains("The sandbox stopped"));
    assertThat(status.get().debugSessions()).isEmpty();
    assertThat(adapters).allSatisfy(a -> assertThat(a.open).as("detached from " + a.name).isFalse());
    sessions.endAll("again");
    assertThat(ideEvents.stream().filter("terminated"::equals)).as("said once").hasSize(1);
  }

  @Test
  void breakpointsSetBeforeAttachAreReplayedBeforeConfigurationDone() throws Exception {
    JsonElement pending = session.configure("setBreakpoints", breakpointsIn("/ws/voting-app/vote/app.py")).get();
    assertThat(pending.toString()).contains("\"verified\":false");
    attach();
    FakeAdapter root = adapters.get(0);
    assertThat(root.requests).containsSubsequence("initialize", "attach", "setBreakpoints", "configurationDone");
    JsonObject attachArgs = root.lastArgs("attach");
    assertThat(attachArgs.getAsJsonObject("connect").get("port").getAsInt()).isEqualTo(45678);
    assertThat(attachArgs.getAsJsonArray("pathMappings").get(0).getAsJsonObject().get("remoteRoot").getAsString()).isEqualTo("/usr/local/app");
    assertThat(state()).isEqualTo("attached");
    assertThat(ideEvents).contains("capabilities");
    JsonElement live = session.configure("setBreakpoints", breakpointsIn("/ws/voting-app/vote/app.py")).get();
    assertThat(live.toString()).contains("\"verified\":true");
  }

  @Test
  void aSubprocessIsAttachedThroughOurPortAndBecomesTheActiveProcess() throws Exception {
    attach();
    FakeAdapter root = adapters.get(0);
    root.listener.event("debugpyAttach", JsonParser.parseString(
        "{\"name\": \"child\", \"subProcessId\": 4321, \"connect\": {\"host\": \"127.0.0.1\", \"port\": 5678}}"));
    await(() -> ideEvents.contains("output") && adapters.size() == 2 && adapters.get(1).requests.contains("configurationDone"));
    FakeAdapter child = adapters.get(1);
    JsonObject args = child.lastArgs("attach");
    assertThat(args.get("subProcessId").getAsInt()).isEqualTo(4321);
    assertThat(args.getAsJsonObject("connect").get("port").getAsInt()).as("never the pod's own port").isEqualTo(45678);
    await(() -> session.forward("threads", null).join().toString().contains("(process 4321)"));
    root.listener.event("thread", JsonParser.parseString("{\"reason\": \"started\", \"threadId\": 9}"));
    assertThat(ideEvents).as("events of the inactive process are dropped").doesNotContain("thread");
  }

  @Test
  void whenTheMainConnectionEndsTheSessionReattachesAndReplays() throws Exception {
    attach();
    session.configure("setBreakpoints", breakpointsIn("/ws/voting-app/vote/app.py")).get();
    FakeAdapter first = adapters.get(0);
    first.listener.event("stopped", JsonParser.parseString("{\"reason\": \"breakpoint\", \"threadId\": 3}"));
    first.hangUp();
    await(() -> adapters.size() == 2 && state().equals("attached") && adapters.get(1).requests.contains("configurationDone"));
    assertThat(adapters.get(1).requests).containsSubsequence("attach", "setBreakpoints", "configurationDone");
    int released = ideEvents.indexOf("continued");
    assertThat(released).as("the stopped view is released").isNotNegative();
    assertThat(ideBodies.get(released).getAsJsonObject().get("allThreadsContinued").getAsBoolean()).isTrue();
    await(() -> ideBodies.stream().anyMatch(b -> b.toString().contains("re-attached to 127.0.0.1:45678")));
  }

  @Test
  void requestsWhileNothingIsAttachedAreClearErrors() throws Exception {
    assertThat(session.forward("threads", null).get().toString()).isEqualTo("{\"threads\":[]}");
    assertThatThrownBy(() -> session.forward("stackTrace", JsonParser.parseString("{\"threadId\": 1}")).join())
        .hasMessageContaining("not attached yet");
  }
}
