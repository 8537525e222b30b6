package io.hostk8s.dev.lsp;

import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.debug.SourceCheck;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.lsp.config.ConfigLanguageService;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Language features on hostk8s.dev.yaml (other documents are ignored). Never throws on bad input. */
final class HostK8sTextDocumentService implements TextDocumentService {
  private static final Logger LOG = Logger.getLogger(HostK8sTextDocumentService.class.getName());
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  /** The latest source check per service (debug.sourceCheck events), shown as warnings on the debug entries. */
  private final Map<String, HostK8sEvent> sourceChecks = new ConcurrentHashMap<>();
  private final CompletableFuture<Engine> engine;
  private final CompletableFuture<ConfigLanguageService> features;
  private final Supplier<HostK8sClient> client;
  private volatile Path workspace;

  HostK8sTextDocumentService(CompletableFuture<Engine> engine, CompletableFuture<ConfigLanguageService> features, Supplier<HostK8sClient> client) {
    this.engine = engine;
    this.features = features;
    this.client = client;
  }

  void setWorkspace(Path root) {
    this.workspace = root;
  }

  static boolean isConfig(String uri) {
    return uri != null && uri.endsWith("/" + ConfigLoader.FILE_NAME);
  }

  /** Engine events: a source check result re-publishes the diagnostics of every open hostk8s.dev.yaml. */
  void onEngineEvent(HostK8sEvent event) {
    if (event == null || !SourceCheck.EVENT.equals(event.type()) || event.service() == null) {
      return;
    }
    sourceChecks.put(event.service(), event);
    documents.forEach(this::update);
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    update(params.getTextDocument().getUri(), params.getTextDocument().getText());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    if (!params.getContentChanges().isEmpty()) {
      update(params.getTextDocument().getUri(), params.getContentChanges().get(params.getContentChanges().size() - 1).getText());
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (documents.remove(uri) != null && client.get() != null) {
      client.get().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    String text = documents.get(params.getTextDocument().getUri());
    if (text != null) {
      update(params.getTextDocument().getUri(), text);
    }
  }

  private void update(String uri, String text) {
    if (!isConfig(uri) || text == null) {
      return;
    }
    documents.put(uri, text);
    HostK8sClient c = client.get();
    if (c == null) {
      return;
    }
    Path root = workspace != null ? workspace : Path.of(java.net.URI.create(uri)).getParent();
    // off the reader thread; the service itself is built in the background after initialize
    features.thenAcceptAsync(f -> {
      try {
        List<Diagnostic> all = new ArrayList<>(f.diagnose(root, text));
        all.addAll(f.sourceCheckDiagnostics(text, sourceChecks.values()));
        c.publishDiagnostics(new PublishDiagnosticsParams(uri, all));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "diagnostics failed for " + uri, e);
      }
    });
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    String text = documents.get(params.getTextDocument().getUri());
    return features.thenApplyAsync(f -> Either.forRight(text == null ? new CompletionList(List.of())
        : safe(() -> f.complete(text, params.getPosition()), new CompletionList(List.of()))));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String text = documents.get(params.getTextDocument().getUri());
    return features.thenApplyAsync(f -> text == null ? null
        : safe(() -> f.hover(text, params.getPosition()).orElse(null), null));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    String text = documents.get(params.getTextDocument().getUri());
    return features.thenApplyAsync(f -> text == null ? List.of() : safe(() -> f.codeLenses(text), List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    List<Diagnostic> diagnostics = params.getContext() == null || params.getContext().getDiagnostics() == null
        ? List.of() : params.getContext().getDiagnostics();
    return features.thenApplyAsync(f -> !isConfig(uri) ? List.<Either<Command, CodeAction>>of()
        : safe(() -> f.quickFixes(uri, diagnostics).stream().map(Either::<Command, CodeAction>forRight).toList(), List.of()));
  }

  private static <T> T safe(Supplier<T> s, T fallback) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "language feature failed", e);
      return fallback;
    }
  }
}
