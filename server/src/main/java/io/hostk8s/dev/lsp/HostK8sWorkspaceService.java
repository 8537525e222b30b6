package io.hostk8s.dev.lsp;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.progress.Progress;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import io.hostk8s.dev.util.Json;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/executeCommand} through the engine's one command table; errors translated in one place. */
final class HostK8sWorkspaceService implements WorkspaceService {
  private final CompletableFuture<Engine> engine;
  private final ProgressTracker progress;

  HostK8sWorkspaceService(CompletableFuture<Engine> engine, ProgressTracker progress) {
    this.engine = engine;
    this.progress = progress;
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    // never on lsp4j's reader thread: creating a progress token waits for the client's answer
    engine.thenAcceptAsync(e -> {
      CompletableFuture<Object> running;
      try {
        boolean longRunning = e.commands().stream().anyMatch(c -> c.id().equals(params.getCommand()) && c.longRunning());
        Progress p = longRunning ? progress.create(params.getWorkDoneToken()) : Progress.NONE;
        running = e.execute(params.getCommand(), CommandArgs.of(params.getArguments(), Json.GSON), p);
      } catch (RuntimeException ex) {
        result.completeExceptionally(ErrorTranslator.toLsp(ex));
        return;
      }
      // a $/cancelRequest cancels `result`; pass it on to the command
      result.whenComplete((v, t) -> {
        if (result.isCancelled()) {
          running.cancel(true);
        }
      });
      running.whenComplete((v, t) -> {
        if (t != null) {
          result.completeExceptionally(ErrorTranslator.toLsp(t));
        } else {
          result.complete(v);
        }
      });
    });
    return result;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // settings arrive here in later issues (hostk8s.* section); nothing to apply yet
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    // hostk8s.dev.yaml and .env are re-read on every command and status refresh
  }
}
