package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.Project;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.List;
import org.jetbrains.annotations.NotNull;

/** One server command ("HostK8s: " + the server's title); enabled while the running server offers it. */
final class HostK8sCommandAction extends BackgroundAction {
  private final String command;

  HostK8sCommandAction(String command, String title) {
    super("HostK8s: " + title);
    this.command = command;
  }

  @Override
  public void update(@NotNull AnActionEvent e) {
    Project project = e.getProject();
    e.getPresentation().setEnabledAndVisible(project != null && HostK8sSession.get(project).catalog().offers(command));
  }

  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    Project project = e.getProject();
    if (project != null) {
      CommandRunner.run(project, command, List.of());
    }
  }
}
