package io.hostk8s.dev.engine;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What every front end (LSP, CLI, engine socket) talks to. {@link LocalEngine} runs commands in this process;
 * {@code RemoteEngine} relays them to the process that owns the workspace.
 */
public interface Engine extends AutoCloseable {
  /** Runs a command; cancelling the future cancels the command. The result is a JSON-serialisable object. */
  CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress);

  StatusSnapshot status();

  /** Re-reads the cluster when nothing watches it; returns the fresh status. */
  StatusSnapshot refresh();

  void onStatus(Consumer<StatusSnapshot> listener);

  void onEvent(Consumer<HostK8sEvent> listener);

  /** Pod log lines of followed services ({@code hostk8s.logs.follow}), in batches. */
  void onLog(Consumer<io.hostk8s.dev.protocol.LogBatch> listener);

  /** What {@code hostk8s/commands} answers: every command, its arguments (with this workspace's services) and view. */
  List<CommandDescription> commands();

  /**
   * Completes when the process that owns this engine went away (an engine attached to another process's); never for
   * an engine this process runs.
   */
  default CompletableFuture<Void> ownerGone() {
    return new CompletableFuture<>();
  }

  /** Runs {@code hook} with this process's {@link LocalEngine} whenever this process owns the workspace's engine. */
  default void onOwned(Consumer<LocalEngine> hook) {
    // an engine that is never owned here (attached, observed) never calls it
  }

  /** Runs {@code hook} after this front end took the workspace's engine over from an owner that went away. */
  default void onTakeOver(Consumer<TakeOver> hook) {
    // only a HandOverEngine takes over
  }

  @Override
  void close();
}
