package io.hostk8s.intellij.lsp;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import com.redhat.devtools.lsp4ij.client.features.LSPClientFeatures;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;
import org.eclipse.lsp4j.services.LanguageServer;
import org.jetbrains.annotations.NotNull;

/** LSP4IJ's {@code server} extension: {@code java -jar <bundled jar> lsp}, one process per project, kept alive. */
public final class HostK8sServerFactory implements LanguageServerFactory {
  public static final String SERVER_ID = "hostk8s";

  @Override
  public @NotNull StreamConnectionProvider createConnectionProvider(@NotNull Project project) {
    return new HostK8sConnection(project);
  }

  @Override
  public @NotNull LanguageClientImpl createLanguageClient(@NotNull Project project) {
    return new HostK8sLanguageClient(project);
  }

  @Override
  public @NotNull Class<? extends LanguageServer> getServerInterface() {
    return HostK8sLanguageServer.class;
  }

  @Override
  public @NotNull LSPClientFeatures createClientFeatures() {
    return new HostK8sClientFeatures();
  }
}
