package io.hostk8s.dev.lsp;

import io.hostk8s.dev.progress.Progress;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/** {@link Progress} over {@code $/progress} (work-done progress), cancellable from the client's UI. */
final class LspProgress implements Progress {
  private final LanguageClient client;
  private final Either<String, Integer> token;
  private final Runnable onEnd;
  private volatile boolean cancelled;
  private volatile boolean begun;
  private volatile boolean ended;

  LspProgress(LanguageClient client, Either<String, Integer> token, Runnable onEnd) {
    this.client = client;
    this.token = token;
    this.onEnd = onEnd;
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public synchronized void begin(String title) {
    if (begun) {
      return;
    }
    begun = true;
    WorkDoneProgressBegin b = new WorkDoneProgressBegin();
    b.setTitle(title);
    b.setCancellable(true);
    send(b);
  }

  @Override
  public synchronized void report(String message, Integer percentage) {
    if (!begun) {
      begin("HostK8s");
    }
    if (ended) {
      return;
    }
    WorkDoneProgressReport r = new WorkDoneProgressReport();
    r.setMessage(message);
    r.setPercentage(percentage);
    r.setCancellable(true);
    send(r);
  }

  @Override
  public synchronized void end(String message) {
    if (ended) {
      return;
    }
    if (!begun) {
      begin("HostK8s");
    }
    ended = true;
    WorkDoneProgressEnd e = new WorkDoneProgressEnd();
    e.setMessage(message);
    send(e);
    onEnd.run();
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  private void send(WorkDoneProgressNotification n) {
    client.notifyProgress(new ProgressParams(token, Either.forLeft(n)));
  }
}
