package io.hostk8s.dev.lsp;

import io.hostk8s.dev.core.Version;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.lsp.config.ConfigLanguageService;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import io.hostk8s.dev.protocol.lsp.HostK8sServerApi;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP adapter: lifecycle, capabilities and wiring to the engine. No domain logic here. */
public final class HostK8sLanguageServer implements LanguageServer, LanguageClientAware, HostK8sServerApi {
  private static final Logger LOG = Logger.getLogger(HostK8sLanguageServer.class.getName());
  private final Function<Path, Engine> engineFactory;
  private final Runnable exitAction;
  private final ProgressTracker progress = new ProgressTracker();
  private final HostK8sWorkspaceService workspaceService;
  private final HostK8sTextDocumentService textService;
  private final CompletableFuture<Engine> engine = new CompletableFuture<>();
  private final CompletableFuture<ConfigLanguageService> features = new CompletableFuture<>();
  private final java.util.function.Supplier<ConfigLanguageService> configFeatures;
  private volatile HostK8sClient client;
  private volatile boolean shutdownRequested;

  /** @param exitAction called with the exit code semantics of LSP: {@link #exit()} and client death. */
  public HostK8sLanguageServer(Function<Path, Engine> engineFactory, java.util.function.Supplier<ConfigLanguageService> configFeatures,
      Runnable exitAction) {
    this.engineFactory = engineFactory;
    this.exitAction = exitAction;
    this.workspaceService = new HostK8sWorkspaceService(engine, progress);
    this.configFeatures = configFeatures;
    this.textService = new HostK8sTextDocumentService(engine, features, () -> client);
  }

  @Override
  public void connect(org.eclipse.lsp4j.services.LanguageClient languageClient) {
    this.client = (HostK8sClient) languageClient;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    Path root = workspaceRoot(params);
    textService.setWorkspace(root);
    boolean supportsProgress = Optional.ofNullable(params.getCapabilities()).map(c -> c.getWindow())
        .map(w -> Boolean.TRUE.equals(w.getWorkDoneProgress())).orElse(false);
    progress.connect(client, supportsProgress);
    ParentProcessWatcher.watch(params.getProcessId(), exitAction);
    // answer at once; the engine (config, schema, socket) comes up in the background and requests wait for it
    CompletableFuture.runAsync(() -> {
      try {
        engine.complete(engineFactory.apply(root));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "cannot start the engine for " + root, e);
        engine.completeExceptionally(e);
      }
    });
    CompletableFuture.runAsync(() -> features.complete(configFeatures.get()));
    return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("hostk8s-dev", Version.get())));
  }

  private static ServerCapabilities capabilities() {
    ServerCapabilities caps = new ServerCapabilities();
    // the protocol's server ids, which are exactly the registered commands (CommandsMatchProtocolTest)
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(CommandIds.server()));
    caps.setTextDocumentSync(TextDocumentSyncKind.Full);
    caps.setCompletionProvider(new CompletionOptions(false, java.util.List.of(":", " ")));
    caps.setHoverProvider(true);
    caps.setCodeLensProvider(new CodeLensOptions(false));
    caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return caps;
  }

  static Path workspaceRoot(InitializeParams params) {
    String uri = null;
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      uri = params.getWorkspaceFolders().get(0).getUri();
    } else if (params.getRootUri() != null) {
      uri = params.getRootUri();
    }
    return uri == null ? Path.of("").toAbsolutePath() : Path.of(URI.create(uri));
  }

  @Override
  public void initialized(InitializedParams params) {
    engine.thenAccept(e -> {
      e.onOwned(local -> io.hostk8s.dev.cloud.CloudCredentials.of(local.services()).setAsker(this::askSecret));
      e.onTakeOver(t -> TakeOverNotice.tell(client, t, shutdownRequested, () -> pushStatus(e.refresh())));
      e.onStatus(this::pushStatus);
      e.onEvent(textService::onEngineEvent);
      e.onEvent(ev -> {
        HostK8sClient c = client;
        if (c != null) {
          c.event(ev);
        }
      });
      e.onLog(batch -> {
        HostK8sClient c = client;
        if (c != null && !shutdownRequested) {
          c.log(batch);
        }
      });
      CompletableFuture.runAsync(() -> {
        try {
          pushStatus(e.refresh());
        } catch (RuntimeException ex) {
          LOG.log(Level.WARNING, "initial status failed", ex);
        }
      });
    });
  }

  /** The IDE's secret (it may ask its person, so the wait is long); never logged. */
  private java.util.Optional<String> askSecret(String name) throws Exception {
    HostK8sClient c = client;
    if (c == null || shutdownRequested) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(c.secret(new io.hostk8s.dev.protocol.lsp.SecretParams(name))
        .get(5, java.util.concurrent.TimeUnit.MINUTES));
  }

  private void pushStatus(StatusSnapshot s) {
    HostK8sClient c = client;
    if (c != null && !shutdownRequested) {
      c.status(s);
    }
  }

  @Override
  public CompletableFuture<StatusSnapshot> hostk8sStatus() {
    return engine.thenApply(Engine::status);
  }

  @Override
  public CompletableFuture<List<CommandDescription>> hostk8sCommands() {
    return engine.thenApply(Engine::commands);
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdownRequested = true;
    engine.thenAccept(Engine::close);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exitAction.run();
  }

  public boolean shutdownRequested() {
    return shutdownRequested;
  }

  @Override
  public void cancelProgress(WorkDoneProgressCancelParams params) {
    progress.cancel(params.getToken());
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textService;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }
}
