package io.hostk8s.intellij.lsp;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerItem;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;

/**
 * Calls into the running server directly (not LSP4IJ's CommandExecutor, which loses the server's error behind a
 * NullPointerException when only a preferred server id is set): the future fails with lsp4j's
 * ResponseErrorException, whose code, message and data the core's ErrorData reads.
 */
public final class HostK8sServer {
  private HostK8sServer() {}

  public static CompletableFuture<HostK8sLanguageServer> server(Project project) {
    return LanguageServerManager.getInstance(project).getLanguageServer(HostK8sServerFactory.SERVER_ID)
        .thenCompose(item -> item == null
            ? CompletableFuture.failedFuture(new IllegalStateException("The HostK8s server is not running."))
            : item.getInitializedServer().thenApply(s -> (HostK8sLanguageServer) s));
  }

  /** Runs a server command; its result arrives untyped (a map with Double numbers): read it with the core's Json. */
  public static CompletableFuture<Object> exec(Project project, String command, List<Object> args) {
    return server(project).thenCompose(s -> s.getWorkspaceService().executeCommand(new ExecuteCommandParams(command, args)));
  }

  /** The catalog: the commands the server announces and describes ({@code hostk8s/commands}). */
  static CompletableFuture<CommandCatalog> describe(Project project) {
    return LanguageServerManager.getInstance(project).getLanguageServer(HostK8sServerFactory.SERVER_ID)
        .thenCompose(item -> item == null ? CompletableFuture.completedFuture(CommandCatalog.empty()) : describe(item));
  }

  private static CompletableFuture<CommandCatalog> describe(LanguageServerItem item) {
    ExecuteCommandOptions announced = item.getServerCapabilities() == null ? null
        : item.getServerCapabilities().getExecuteCommandProvider();
    List<String> ids = announced == null || announced.getCommands() == null ? List.of() : announced.getCommands();
    return ((HostK8sLanguageServer) item.getServer()).hostk8sCommands().thenApply(d -> CommandCatalog.of(ids, d));
  }
}
