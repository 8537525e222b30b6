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

  @Override
  void close();
}
