package io.hostk8s.dev.lsp;

import io.hostk8s.dev.progress.Progress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Creates {@link LspProgress} reporters: with the client's own workDoneToken when it sent one, with a
 * server-created token when the client supports work-done progress, else {@link Progress#NONE}-like silence
 * that still honours cancellation of the request.
 */
final class ProgressTracker {
  private static final Logger LOG = Logger.getLogger(ProgressTracker.class.getName());
  private final Map<String, LspProgress> active = new ConcurrentHashMap<>();
  private volatile LanguageClient client;
  private volatile boolean clientSupportsProgress;

  void connect(LanguageClient client, boolean supportsProgress) {
    this.client = client;
    this.clientSupportsProgress = supportsProgress;
  }

  Progress create(Either<String, Integer> clientToken) {
    LanguageClient c = client;
    if (c == null) {
      return Progress.NONE;
    }
    Either<String, Integer> token = clientToken;
    if (token == null) {
      if (!clientSupportsProgress) {
        return Progress.NONE;
      }
      token = Either.forLeft("hostk8s-" + UUID.randomUUID());
      try {
        c.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.fine(() -> "client refused a progress token: " + e);
        return Progress.NONE;
      }
    }
    String key = key(token);
    LspProgress p = new LspProgress(c, token, () -> active.remove(key));
    active.put(key, p);
    return p;
  }

  /** {@code window/workDoneProgress/cancel} from the client. */
  void cancel(Either<String, Integer> token) {
    LspProgress p = active.get(key(token));
    if (p != null) {
      p.cancel();
    }
  }

  private static String key(Either<String, Integer> token) {
    return token.isLeft() ? "s:" + token.getLeft() : "n:" + token.getRight();
  }
}
