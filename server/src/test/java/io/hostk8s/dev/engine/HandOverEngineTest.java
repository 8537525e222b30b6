package io.hostk8s.dev.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The take-over with scripted engines: what a front end keeps, restarts and forgets when its owner goes away. */
class HandOverEngineTest {
  /** An attached engine: records the commands run in it; its owner goes away when told. */
  static class Attached implements Engine {
    final long pid;
    final List<String> ran = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> gone = new CompletableFuture<>();
    final List<Consumer<HostK8sEvent>> events = new CopyOnWriteArrayList<>();
    final List<Consumer<StatusSnapshot>> statuses = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    Attached(long pid) {
      this.pid = pid;
    }

    @Override
    public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
      ran.add(commandId + " " + args.raw());
      Object result = switch (commandId) {
        case CommandIds.FORWARD_START -> Map.of("service", "vote", "name", "http", "localPort", 24321);
        case CommandIds.DEV -> Map.of("run", "dev-1");
        case CommandIds.DEBUG_ENDPOINT -> Map.of("path", "/ws/.hostk8s/engine/debug-" + pid + "-1.sock", "host", "127.0.0.1",
            "port", 4711, "token", "t" + pid);
        default -> Map.of();
      };
      return CompletableFuture.completedFuture(result);
    }

    @Override
    public StatusSnapshot status() {
      return new StatusSnapshot("t", new EngineInfo("attached", "lsp → lsp", pid, "/ws"), null, List.of(), List.of(), List.of(), null, 0);
    }

    @Override public StatusSnapshot refresh() { return status(); }
    @Override public void onStatus(Consumer<StatusSnapshot> l) { statuses.add(l); }
    @Override public void onEvent(Consumer<HostK8sEvent> l) { events.add(l); }
    @Override public void onLog(Consumer<LogBatch> l) { }
    @Override public List<CommandDescription> commands() { return List.of(); }
    @Override public CompletableFuture<Void> ownerGone() { return gone; }
    @Override public void close() {
      closed = true;
      gone.complete(null); // as a connection closed from this side
    }

    void publish(String type, String service, Map<String, Object> data) {
      events.forEach(l -> l.accept(new HostK8sEvent(type, service, type, data, 0)));
    }
  }

  private static CommandArgs args(Map<String, Object> named) {
    return CommandArgs.named(io.hostk8s.dev.util.Json.GSON.toJsonTree(named).getAsJsonObject());
  }

  @Test
  void whenTheOwnerGoesTheWorkStartedHereRunsAgainInTheNextEngineExceptWhatWasStopped() throws Exception {
    Deque<Attached> engines = new ArrayDeque<>(List.of(new Attached(41), new Attached(42)));
    List<Attached> obtained = new ArrayList<>();
    HandOverEngine h = HandOverEngine.start(() -> {
      Attached a = engines.pop();
      obtained.add(a);
      return a;
    }, true);
    CompletableFuture<TakeOver> took = new CompletableFuture<>();
    h.onTakeOver(took::complete);
    List<String> seen = new CopyOnWriteArrayList<>();
    h.onEvent(e -> seen.add(e.type()));
    Attached first = obtained.get(0);
    h.execute(CommandIds.SYNC_START, args(Map.of("service", "vote")), Progress.NONE).get();
    h.execute(CommandIds.SYNC_START, args(Map.of("service", "result")), Progress.NONE).get();
    h.execute(CommandIds.FORWARD_START, args(Map.of("service", "vote")), Progress.NONE).get();
    h.execute(CommandIds.LOGS_FOLLOW, args(Map.of("service", "vote")), Progress.NONE).get();
    h.execute(CommandIds.DEBUG_ENDPOINT, args(Map.of("service", "vote")), Progress.NONE).get();
    h.execute(CommandIds.STATUS, CommandArgs.none(), Progress.NONE).get();
    first.publish("sync.stopped", "result", Map.of()); // stopped from another terminal: not brought back

    first.gone.complete(null);
    TakeOver t = took.get(10, TimeUnit.SECONDS);

    Attached next = obtained.get(1);
    assertThat(first.closed).isTrue();
    assertThat(t.formerOwnerPid()).isEqualTo(41);
    assertThat(t.ownerPid()).isEqualTo(42);
    assertThat(t.owner()).isFalse();
    assertThat(t.restarted()).containsExactly("sync vote", "forward vote/http", "logs -f vote", "debug endpoint");
    assertThat(t.failed()).isEmpty();
    assertThat(t.debugEndpoint().token()).as("the new adapter's").isEqualTo("t42");
    assertThat(next.ran).containsExactly(
        CommandIds.SYNC_START + " [{\"service\":\"vote\"}]",
        CommandIds.FORWARD_START + " [{\"service\":\"vote\"}]",
        CommandIds.LOGS_FOLLOW + " [{\"service\":\"vote\",\"tailLines\":0,\"follow\":true}]", // no history twice
        CommandIds.DEBUG_ENDPOINT + " [{\"service\":\"vote\"}]");

    first.publish("sync.batch", "vote", Map.of()); // the old engine's last words are not this front end's
    next.publish("sync.batch", "vote", Map.of());
    assertThat(seen).containsExactly("sync.stopped", "sync.batch");
    assertThat(h.status().engine().pid()).isEqualTo(42);
  }

  @Test
  void workStoppedThroughThisFrontEndOrByTheEngineIsForgotten() throws Exception {
    Deque<Attached> engines = new ArrayDeque<>(List.of(new Attached(41), new Attached(42)));
    List<Attached> obtained = new ArrayList<>();
    HandOverEngine h = HandOverEngine.start(() -> {
      Attached a = engines.pop();
      obtained.add(a);
      return a;
    }, true);
    CompletableFuture<TakeOver> took = new CompletableFuture<>();
    h.onTakeOver(took::complete);
    h.execute(CommandIds.FORWARD_START, args(Map.of("service", "vote")), Progress.NONE).get();
    h.execute(CommandIds.DEV, args(Map.of("sandbox", true)), Progress.NONE).get();
    h.execute(CommandIds.LOGS_FOLLOW, args(Map.of("service", "vote", "follow", false)), Progress.NONE).get(); // once: no work
    h.execute(CommandIds.FORWARD_STOP, args(Map.of("service", "vote")), Progress.NONE).get();
    obtained.get(0).gone.complete(null);
    assertThat(took.get(10, TimeUnit.SECONDS).restarted()).containsExactly("dev dev-1");
    assertThat(obtained.get(1).ran).containsExactly(CommandIds.DEV + " [{\"sandbox\":true,\"run\":\"dev-1\"}]");

    CompletableFuture<TakeOver> again = new CompletableFuture<>();
    h.onTakeOver(again::complete);
    engines.push(new Attached(43));
    obtained.get(1).publish("dev.stopped", null, Map.of("runs", List.of("dev-1")));
    obtained.get(1).gone.complete(null);
    assertThat(again.get(10, TimeUnit.SECONDS).restarted()).isEmpty();
  }

  @Test
  void aCommandTheEngineRefusesAtOnceFailsTheCall() {
    Engine refusing = new Attached(41) {
      @Override
      public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
        throw new IllegalArgumentException("unknown command " + commandId);
      }
    };
    HandOverEngine h = HandOverEngine.start(() -> refusing, true);
    assertThat(h.execute("hostk8s.nope", CommandArgs.none(), Progress.NONE)).failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class).withMessageContaining("unknown command hostk8s.nope");
  }

  @Test
  void closingIsNotAnOwnerGoingAway() throws InterruptedException {
    Deque<Attached> engines = new ArrayDeque<>(List.of(new Attached(41), new Attached(42)));
    HandOverEngine h = HandOverEngine.start(engines::pop, true);
    List<TakeOver> took = new CopyOnWriteArrayList<>();
    h.onTakeOver(took::add);
    h.close();
    Thread.sleep(300); // a take-over would have obtained the next engine by now
    assertThat(engines).hasSize(1);
    assertThat(took).isEmpty();
  }
}
