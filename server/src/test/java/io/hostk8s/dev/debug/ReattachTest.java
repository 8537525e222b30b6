package io.hostk8s.dev.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PodRef;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.status.StatusStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The re-attach state machine ({@link RootAttach}) against scripted debuggee peers behind a scripted endpoint whose
 * pod (name + uid) the test replaces: the pod replaced mid-handshake, a first re-attach dropped, the new JVM's JDWP
 * slot still busy, a late notice of the same pod, a replacement under the same name — and in each case the
 * breakpoints reach the new VM exactly once and its stop reaches the IDE.
 */
class ReattachTest {
  /** How a peer (one connection) behaves. */
  enum Script { OK, BUSY, MOVE_DURING_HANDSHAKE, HANG_UP_AFTER_CONFIGURATION }

  /** A debuggee adapter on one connection, to the VM of the pod the endpoint reached when it was opened. */
  final class Peer implements DapChannel {
    final PodRef vm;
    final Script script;
    final DapChannel.Listener listener;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean open = true;
    private CompletableFuture<JsonElement> attach;

    Peer(PodRef vm, Script script, DapChannel.Listener listener) {
      this.vm = vm;
      this.script = script;
      this.listener = listener;
    }

    @Override
    public synchronized CompletableFuture<JsonElement> request(String command, JsonElement args) {
      requests.add(command);
      switch (command) {
        case "initialize" -> {
          return CompletableFuture.completedFuture(new JsonObject());
        }
        case "attach" -> {
          if (script == Script.BUSY) {
            return CompletableFuture.failedFuture(HostK8sException.user(ErrorCode.DEBUG_ATTACH_FAILED,
                "Failed to attach to remote debuggee VM: handshake failed - connection prematurally closed (JDWP slot busy)", null));
          }
          if (script == Script.MOVE_DURING_HANDSHAKE) {
            endpoint.replace(new PodRef("worker-c", "uid-c"));
          }
          attach = new CompletableFuture<>();
          CompletableFuture.runAsync(() -> listener.event("initialized", JsonNull.INSTANCE));
          return attach;
        }
        case "configurationDone" -> {
          attach.complete(JsonNull.INSTANCE);
          if (script == Script.HANG_UP_AFTER_CONFIGURATION) {
            CompletableFuture.runAsync(this::hangUp, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
          }
        }
        case "setBreakpoints" -> {
          return CompletableFuture.completedFuture(JsonParser.parseString("{\"breakpoints\": [{\"verified\": true, \"line\": 7, \"id\": 1}]}"));
        }
        default -> { }
      }
      return CompletableFuture.completedFuture(JsonNull.INSTANCE);
    }

    long count(String command) {
      return requests.stream().filter(command::equals).count();
    }

    void stop() {
      listener.event("stopped", JsonParser.parseString("{\"reason\": \"breakpoint\", \"threadId\": 1}"));
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

  /** A forward stand-in: the pod it reaches can be replaced, which notifies like the engine's forward does. */
  static final class ScriptedEndpoint implements DebugEndpoint {
    private final List<Consumer<PodRef>> listeners = new CopyOnWriteArrayList<>();
    private volatile PodRef pod = new PodRef("worker-a", "uid-a");

    void replace(PodRef next) {
      pod = next;
      listeners.forEach(l -> l.accept(next));
    }

    @Override
    public Address await(Duration timeout) {
      return new Address("127.0.0.1", 45005);
    }

    @Override
    public String describe() {
      return "pod " + pod.name();
    }

    @Override
    public PodRef reaches() {
      return pod;
    }

    @Override
    public AutoCloseable onChange(Consumer<PodRef> listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
      // nothing to close
    }
  }

  final ScriptedEndpoint endpoint = new ScriptedEndpoint();
  final Deque<Script> scripts = new ArrayDeque<>();
  final List<Peer> peers = new CopyOnWriteArrayList<>();
  final List<RootAttach.Step> steps = new CopyOnWriteArrayList<>();
  final List<String> ideEvents = new CopyOnWriteArrayList<>();
  final List<String> console = new CopyOnWriteArrayList<>();
  final DebugSessions sessions = new DebugSessions(new StatusStore(new StatusSnapshot("t", null, null, List.of(), List.of(), List.of(), null, 0)));
  final DebugSession session = new DebugSession("debug-r", (e, b) -> {
    ideEvents.add(e);
    if ("output".equals(e)) {
      console.add(b.getAsJsonObject().get("output").getAsString());
    }
  }, (connection, name, listener) -> {
    Script s;
    synchronized (scripts) {
      s = scripts.isEmpty() ? Script.OK : scripts.pop();
    }
    Peer p = new Peer(endpoint.reaches(), s, listener);
    peers.add(p);
    return p;
  }, sessions, steps::add);
  final DebugTargets.Resolved target = new DebugTargets.Resolved(
      new DebugTarget("worker", "java", "/ws/voting-app/worker/src/main/java", null, true, new JsonObject()),
      new DebugSessionTest.FakePython(), endpoint, null);

  @AfterEach
  void end() {
    session.close();
  }

  /** Attached to worker-a with one breakpoint, stopped once there. */
  Peer attached() throws Exception {
    session.initialize(new JsonObject());
    JsonObject bp = JsonParser.parseString("{\"source\": {\"path\": \"/ws/VoteWorker.java\"}, \"breakpoints\": [{\"line\": 7}]}").getAsJsonObject();
    session.configure("setBreakpoints", bp).get(5, TimeUnit.SECONDS);
    session.attach(target, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    Peer a = peers.get(0);
    assertThat(a.vm.uid()).isEqualTo("uid-a");
    return a;
  }

  /** The worker pod replaced by {@code next}: its JVM is gone (the old connection ends) and the forward moves. */
  void replacePod(Peer old, PodRef next) {
    old.hangUp();
    endpoint.replace(next);
  }

  /** The peer the session is attached to once it said "re-attached" {@code times} times. */
  Peer reattached(int times) {
    await(() -> console.stream().filter(c -> c.contains("re-attached")).count() >= times, "re-attached x" + times + ": " + console);
    await(() -> steps.contains(RootAttach.Step.ATTACHED), "attached");
    Peer last = peers.get(peers.size() - 1);
    await(() -> last.open && last.count("configurationDone") == 1, "the last peer configured");
    return last;
  }

  void assertStopsOnTheNextVote(Peer p) {
    int before = (int) ideEvents.stream().filter("stopped"::equals).count();
    p.stop();
    await(() -> ideEvents.stream().filter("stopped"::equals).count() > before, "the stop reached the IDE: " + ideEvents);
  }

  /** Breakpoints reached each VM of {@code uid} exactly once, through the one connection that stayed. */
  void assertBreakpointsOnceInto(String uid) {
    List<Peer> into = peers.stream().filter(p -> uid.equals(p.vm.uid()) && p.open).toList();
    assertThat(into).as("one open connection to the VM of " + uid).hasSize(1);
    assertThat(into.get(0).count("setBreakpoints")).as("breakpoints replayed into " + uid).isEqualTo(1);
  }

  @Test
  void aReplacedPodIsReattachedAndTheBreakpointsReachTheNewVmOnce() throws Exception {
    Peer a = attached();
    replacePod(a, new PodRef("worker-b", "uid-b"));
    Peer b = reattached(1);
    assertThat(b.vm.uid()).isEqualTo("uid-b");
    assertBreakpointsOnceInto("uid-b");
    assertStopsOnTheNextVote(b);
  }

  @Test
  void thePodReplacedMidHandshakeIsNotAdoptedAndTheNextPodIs() throws Exception {
    Peer a = attached();
    scripts.add(Script.MOVE_DURING_HANDSHAKE);
    replacePod(a, new PodRef("worker-b", "uid-b"));
    Peer c = reattached(1);
    assertThat(c.vm.uid()).isEqualTo("uid-c");
    assertThat(steps).containsSubsequence(RootAttach.Step.HANDSHAKE, RootAttach.Step.CONFIRM, RootAttach.Step.BACKOFF,
        RootAttach.Step.AWAIT_POD, RootAttach.Step.HANDSHAKE, RootAttach.Step.CONFIRM, RootAttach.Step.ATTACHED);
    Peer toB = peers.stream().filter(p -> "uid-b".equals(p.vm.uid())).findFirst().orElseThrow();
    assertThat(toB.requests).as("the connection that moved is detached, freeing the JDWP slot").contains("disconnect");
    assertThat(toB.open).isFalse();
    assertBreakpointsOnceInto("uid-c");
    assertStopsOnTheNextVote(c);
  }

  @Test
  void aFirstReattachThatDropsIsRedoneAndTheNextVoteStops() throws Exception {
    Peer a = attached();
    scripts.add(Script.HANG_UP_AFTER_CONFIGURATION);
    replacePod(a, new PodRef("worker-b", "uid-b"));
    Peer second = reattached(2);
    assertThat(peers.stream().filter(p -> "uid-b".equals(p.vm.uid())).count()).isEqualTo(2);
    assertBreakpointsOnceInto("uid-b");
    assertStopsOnTheNextVote(second);
  }

  @Test
  void whileTheNewJvmsJdwpSlotIsBusyTheSessionBacksOffAndRetries() throws Exception {
    Peer a = attached();
    scripts.add(Script.BUSY);
    scripts.add(Script.BUSY);
    replacePod(a, new PodRef("worker-b", "uid-b"));
    Peer b = reattached(1);
    assertThat(steps.stream().filter(RootAttach.Step.BACKOFF::equals).count()).isGreaterThanOrEqualTo(2);
    assertThat(peers.stream().filter(p -> p.script == Script.BUSY)).allSatisfy(p -> {
      assertThat(p.count("setBreakpoints")).isZero();
      assertThat(p.open).isFalse();
    });
    assertBreakpointsOnceInto("uid-b");
    assertStopsOnTheNextVote(b);
  }

  @Test
  void aLateNoticeOfThePodAlreadyAttachedChangesNothing() throws Exception {
    Peer a = attached();
    replacePod(a, new PodRef("worker-b", "uid-b"));
    Peer b = reattached(1);
    endpoint.replace(new PodRef("worker-b", "uid-b"));
    Thread.sleep(300);
    assertThat(b.open).as("not dropped").isTrue();
    assertThat(peers).hasSize(2);
    assertStopsOnTheNextVote(b);
  }

  @Test
  void aReplacementUnderTheSameNameIsToldApartByItsUid() throws Exception {
    Peer a = attached();
    endpoint.replace(new PodRef("worker-a", "uid-a2")); // same name, new pod: the forward moved, the JVM is another
    Peer a2 = reattached(1);
    assertThat(a.open).isFalse();
    assertThat(a2.vm.uid()).isEqualTo("uid-a2");
    assertBreakpointsOnceInto("uid-a2");
    assertStopsOnTheNextVote(a2);
  }

  static void await(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out: " + what);
  }
}
