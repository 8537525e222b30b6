package io.hostk8s.intellij.lsp;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.startup.ProjectActivity;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import io.hostk8s.intellij.core.project.ProjectLayout;
import java.nio.file.Path;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Starts the server when a HostK8s project opens (hostk8s.dev.yaml, the voting app, a HostK8s checkout), not only when
 * LSP4IJ sees a mapped file open: the status bar, tool window and actions need it from the start.
 */
public final class HostK8sStartup implements ProjectActivity {
  @Override
  public @Nullable Object execute(@NotNull Project project, @NotNull Continuation<? super Unit> continuation) {
    String base = project.getBasePath();
    if (base != null && ProjectLayout.isHostK8sProject(Path.of(base))) {
      LanguageServerManager.getInstance(project).start(HostK8sServerFactory.SERVER_ID);
    }
    return Unit.INSTANCE;
  }
}
