package io.hostk8s.dev.rpc;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Requests the workspace's engine owner answers on .hostk8s/engine/engine.sock (JSON-RPC, LSP framing). */
public interface EngineProtocol {
  @JsonRequest("engine/execute")
  CompletableFuture<JsonElement> execute(ExecuteRequest request);

  /**
   * The owner's status now. Not named engine/status: that is the owner's notification, and one JSON-RPC endpoint
   * with both would read this request's answer as the notification's (void), i.e. null.
   */
  @JsonRequest("engine/snapshot")
  CompletableFuture<StatusSnapshot> status();

  @JsonRequest("engine/refresh")
  CompletableFuture<StatusSnapshot> refresh();

  @JsonRequest("engine/commands")
  CompletableFuture<List<CommandDescription>> commands();

  /**
   * A command to run; {@code progressId} names the progress notices sent back for it; {@code env} the asking front
   * end's Docker and registry variables ({@link io.hostk8s.dev.core.CallerEnv}; null from an older front end).
   */
  record ExecuteRequest(String command, List<Object> arguments, String progressId, Map<String, String> env) {}
}
