package io.hostk8s.dev.protocol.lsp;

import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client side of our custom protocol (see docs/protocol.md). */
public interface HostK8sClient extends LanguageClient {
  /** The whole observable state, sent whenever it changes. */
  @JsonNotification("hostk8s/status")
  void status(StatusSnapshot status);

  /** A fine-grained event (phase started/finished, sync batch, forward opened…). */
  @JsonNotification("hostk8s/event")
  void event(HostK8sEvent event);

  /** Pod log lines of a followed service ({@code hostk8s.logs.follow}): {@code {service, pod, lines:[…]}}. */
  @JsonNotification("hostk8s/log")
  void log(io.hostk8s.dev.protocol.LogBatch batch);

  /**
   * A secret from the IDE's secret storage (the client may ask its person); null when it has none. The server holds
   * the answer in memory for one command and never writes or logs it.
   */
  @org.eclipse.lsp4j.jsonrpc.services.JsonRequest("hostk8s/secret")
  java.util.concurrent.CompletableFuture<String> secret(SecretParams params);
}
