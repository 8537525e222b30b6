package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.redhat.devtools.lsp4ij.commands.LSPCommand;
import com.redhat.devtools.lsp4ij.commands.LSPCommandAction;
import io.hostk8s.intellij.core.json.Json;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import org.jetbrains.annotations.NotNull;

/** {@code hostk8s.client.debugService} (the "Debug" code lens): {@code {service}} → a HostK8s debug session. */
public final class ClientDebugServiceAction extends LSPCommandAction {
  @Override
  protected void commandPerformed(@NotNull LSPCommand command, @NotNull AnActionEvent e) {
    String service = command.getArguments().isEmpty() ? null : Json.string(command.getArgumentAt(0), "service");
    if (e.getProject() != null && service != null) {
      HostK8sDebugStarter.start(e.getProject(), service);
    }
  }
}
