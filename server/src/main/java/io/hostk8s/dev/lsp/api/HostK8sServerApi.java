package io.hostk8s.dev.lsp.api;

import io.hostk8s.dev.status.StatusSnapshot;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Custom requests the server answers (see docs/protocol.md). */
public interface HostK8sServerApi {
  /** The same payload as the {@code hostk8s/status} notification. */
  @JsonRequest("hostk8s/status")
  CompletableFuture<StatusSnapshot> hostk8sStatus();
}
