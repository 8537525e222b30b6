package io.hostk8s.dev.lsp;

import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;

/** A test LSP client that records everything the server sends. */
public final class RecordingClient implements HostK8sClient {
  public final List<StatusSnapshot> statuses = new CopyOnWriteArrayList<>();
  public final List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
  public final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
  public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
  public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
  public final List<WorkDoneProgressCreateParams> progressCreated = new CopyOnWriteArrayList<>();
  public final List<io.hostk8s.dev.protocol.LogBatch> logBatches = new CopyOnWriteArrayList<>();

  @Override public void status(StatusSnapshot status) { statuses.add(status); }
  @Override public void event(HostK8sEvent event) { events.add(event); }
  @Override public void log(io.hostk8s.dev.protocol.LogBatch batch) { logBatches.add(batch); }
  @Override public void telemetryEvent(Object object) {}
  @Override public void publishDiagnostics(PublishDiagnosticsParams d) { diagnostics.add(d); }
  @Override public void showMessage(MessageParams m) { logs.add(m); }
  @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) { return CompletableFuture.completedFuture(null); }
  @Override public void logMessage(MessageParams m) { logs.add(m); }
  @Override public void notifyProgress(ProgressParams p) { progress.add(p); }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    progressCreated.add(params);
    return CompletableFuture.completedFuture(null);
  }

  /** Polls until {@code cond} holds or the timeout passes; returns whether it held. */
  public static boolean await(java.util.function.BooleanSupplier cond, long timeoutMs) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return cond.getAsBoolean();
  }

  public <T> boolean any(List<T> list, Predicate<T> p) {
    return list.stream().anyMatch(p);
  }

  /** What {@code hostk8s/secret} answers (null: the IDE has none); the names asked are recorded. */
  public volatile String secretAnswer;
  public final List<String> secretsAsked = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<String> secret(io.hostk8s.dev.protocol.lsp.SecretParams params) {
    secretsAsked.add(params.name());
    return CompletableFuture.completedFuture(secretAnswer);
  }
}
