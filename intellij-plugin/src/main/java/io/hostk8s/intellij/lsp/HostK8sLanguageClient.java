package io.hostk8s.intellij.lsp;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.LogBatch;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import io.hostk8s.dev.protocol.lsp.SecretParams;
import io.hostk8s.intellij.settings.DigitalOceanToken;
import io.hostk8s.intellij.ui.LogConsoles;
import java.util.concurrent.CompletableFuture;
import org.jetbrains.annotations.NotNull;

/**
 * The server's custom messages: {@code hostk8s/status} (the widget and tool window), {@code hostk8s/log} (a console
 * per service), {@code hostk8s/event} (the LSP console's log) and {@code hostk8s/secret} (the password safe).
 * LSP4IJ calls these on pool threads, possibly out of order; the session drops stale snapshots (core StatusOrder).
 */
public final class HostK8sLanguageClient extends LanguageClientImpl implements HostK8sClient {
  public HostK8sLanguageClient(@NotNull Project project) {
    super(project);
  }

  @Override
  public void status(StatusSnapshot status) {
    HostK8sSession.get(getProject()).snapshot(status);
  }

  @Override
  public void event(HostK8sEvent event) {
    HostK8sSession.get(getProject()).event(event);
  }

  @Override
  public void log(LogBatch batch) {
    LogConsoles.get(getProject()).append(batch);
  }

  @Override
  public CompletableFuture<String> secret(SecretParams params) {
    return DigitalOceanToken.forServer(getProject(), params.name());
  }
}
