package io.hostk8s.dev.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner closes while an attached front end's command runs — the command that ended the owner's last work, as
 * `forward stop vote` from another terminal does: the answer still reaches the front end before its connection
 * closes; a command that does not end within the bound fails with 1200 as before, and the close does not hang.
 */
class EngineServerCloseTest {
  @TempDir
  Path dir;

  /** An owner's engine whose commands end after the given number of milliseconds ("sleep-N"). */
  static class Owner implements Engine {
    @Override
    public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
      long ms = Long.parseLong(commandId.substring("sleep-".length()));
      return CompletableFuture.supplyAsync(() -> (Object) Map.of("slept", ms),
          CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    @Override
    public StatusSnapshot status() {
      return new StatusSnapshot("t", new EngineInfo("owner", "test", ProcessHandle.current().pid(), "/ws"), null, List.of(),
          List.of(), List.of(), null, 0);
    }

    @Override public StatusSnapshot refresh() { return status(); }
    @Override public void onStatus(Consumer<StatusSnapshot> l) { }
    @Override public void onEvent(Consumer<HostK8sEvent> l) { }
    @Override public void onLog(Consumer<LogBatch> l) { }
    @Override public List<CommandDescription> commands() { return List.of(); }
    @Override public void close() { }
  }

  @Test
  void aCommandRunningWhenTheOwnerClosesIsAnsweredFirst() throws Exception {
    EngineServer server = EngineServer.start(dir.resolve("engine/engine.sock"), new Owner());
    RemoteEngine attached = RemoteEngine.connect(dir.resolve("engine/engine.sock"), "cli forward stop");
    CompletableFuture<Object> stop = attached.execute("sleep-400", CommandArgs.of(new io.hostk8s.dev.protocol.commands.args.NoArgs()), Progress.NONE);
    Thread.sleep(100); // the command runs; the owner's last work ended, so it closes
    long t0 = System.nanoTime();
    server.close();
    assertThat(stop.get(5, TimeUnit.SECONDS).toString()).contains("slept");
    assertThat((System.nanoTime() - t0) / 1_000_000).as("close waited for the answer, not for its bound").isLessThan(2_500);
    assertThat(attached.ownerGone().get(5, TimeUnit.SECONDS)).as("then the connection closes").isNull();
  }

  @Test
  void aCommandOutlastingTheBoundFailsWithEngineUnreachableAndTheCloseEnds() throws Exception {
    EngineServer server = EngineServer.start(dir.resolve("engine/engine.sock"), new Owner());
    RemoteEngine attached = RemoteEngine.connect(dir.resolve("engine/engine.sock"), "cli up");
    CompletableFuture<Object> up = attached.execute("sleep-60000", CommandArgs.of(new io.hostk8s.dev.protocol.commands.args.NoArgs()), Progress.NONE);
    Thread.sleep(100);
    long t0 = System.nanoTime();
    server.close();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("bounded").isBetween(2_500L, 6_000L);
    assertThat(up).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("went away");
  }
}
