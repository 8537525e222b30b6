package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import io.hostk8s.intellij.core.debug.DebugChoices;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.List;
import org.jetbrains.annotations.NotNull;

/** Tools → HostK8s → Debug Service in Cluster…: pick one of the services the server says have a debugger. */
public final class DebugServiceAction extends BackgroundAction {
  @Override
  public void update(@NotNull AnActionEvent e) {
    Project p = e.getProject();
    e.getPresentation().setEnabled(p != null && DebugChoices.debuggable(HostK8sSession.get(p).catalog()).isPresent());
  }

  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    Project p = e.getProject();
    if (p == null) {
      return;
    }
    List<String> services = DebugChoices.debuggable(HostK8sSession.get(p).catalog()).orElse(List.of());
    if (services.isEmpty()) {
      return;
    }
    int i = Messages.showChooseDialog(p, "Service to debug", "HostK8s: Debug in Cluster", null,
        services.toArray(String[]::new), services.get(0));
    if (i >= 0) {
      HostK8sDebugStarter.start(p, services.get(i));
    }
  }
}
