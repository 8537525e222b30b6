package io.hostk8s.dev.protocol.lsp;

import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Custom requests the server answers (see docs/protocol.md). */
public interface HostK8sServerApi {
  /** The same payload as the {@code hostk8s/status} notification. */
  @JsonRequest("hostk8s/status")
  CompletableFuture<StatusSnapshot> hostk8sStatus();

  /**
   * Every command the server runs: id, title, category, long-running, arguments (kinds, prompts, choices such as the
   * configured services) and how to show its result. Clients build their menus, prompts and messages from this.
   */
  @JsonRequest("hostk8s/commands")
  CompletableFuture<List<CommandDescription>> hostk8sCommands();
}
