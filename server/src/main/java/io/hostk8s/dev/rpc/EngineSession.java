package io.hostk8s.dev.rpc;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.util.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One attached front end, served by the owner: runs its commands on the owner's engine. */
final class EngineSession implements EngineProtocol {
  private final Engine engine;
  private volatile EngineListener listener;

  EngineSession(Engine engine) {
    this.engine = engine;
  }

  void connect(EngineListener listener) {
    this.listener = listener;
  }

  @Override
  public CompletableFuture<JsonElement> execute(ExecuteRequest request) {
    Progress progress = request.progressId() == null ? Progress.NONE : new RelayProgress(request.progressId());
    CompletableFuture<Object> running;
    try {
      CommandArgs args = CommandArgs.of(request.arguments(), Json.GSON);
      running = engine.execute(request.command(), request.env() == null ? args : args.withCallerEnv(request.env()), progress);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RpcErrors.toResponseError(e));
    }
    // results travel as JSON trees, so numbers keep their exact form (a typed Object would become doubles)
    CompletableFuture<JsonElement> result = new CompletableFuture<>();
    result.whenComplete((v, t) -> {
      if (result.isCancelled()) {
        running.cancel(true);
      }
    });
    running.whenComplete((v, t) -> {
      if (t != null) {
        result.completeExceptionally(RpcErrors.toResponseError(t));
      } else {
        result.complete(v instanceof JsonElement je ? je : Json.GSON.toJsonTree(v));
      }
    });
    return result;
  }

  @Override
  public CompletableFuture<StatusSnapshot> status() {
    return CompletableFuture.completedFuture(engine.status());
  }

  @Override
  public CompletableFuture<StatusSnapshot> refresh() {
    return CompletableFuture.supplyAsync(engine::refresh);
  }

  @Override
  public CompletableFuture<List<CommandDescription>> commands() {
    return CompletableFuture.completedFuture(engine.commands());
  }

  /** Sends progress back to the front end that asked. */
  private final class RelayProgress implements Progress {
    private final String id;

    RelayProgress(String id) {
      this.id = id;
    }

    private void send(String kind, String message, Integer pct) {
      EngineListener l = listener;
      if (l != null) {
        l.progress(new EngineListener.ProgressNotice(id, kind, message, pct));
      }
    }

    @Override public void begin(String title) { send("begin", title, null); }
    @Override public void report(String message, Integer percentage) { send("report", message, percentage); }
    @Override public void end(String message) { send("end", message, null); }
    @Override public boolean isCancelled() { return false; }
  }
}
