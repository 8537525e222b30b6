package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.redhat.devtools.lsp4ij.commands.LSPCommand;
import com.redhat.devtools.lsp4ij.commands.LSPCommandAction;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.core.json.Json;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.NotNull;

/**
 * {@code hostk8s.client.run} (the "Sync" and "Deploy" code lenses on hostk8s.dev.yaml): {@code {command, arguments}},
 * run like a menu command with its prompts, progress and result. Registered under the command's id, which the server
 * never announces, so LSP4IJ hands the code lens to this action.
 */
public final class ClientRunAction extends LSPCommandAction {
  @Override
  @SuppressWarnings("unchecked")
  protected void commandPerformed(@NotNull LSPCommand command, @NotNull AnActionEvent e) {
    if (e.getProject() == null || command.getArguments().isEmpty()) {
      return;
    }
    Map<String, Object> run = Json.as(command.getArgumentAt(0), Map.class);
    Object id = run.get("command");
    Object args = run.get("arguments");
    if (id instanceof String s && !s.isEmpty()) {
      CommandRunner.run(e.getProject(), s, args instanceof Map<?, ?> m ? List.of(m) : List.of());
    }
  }
}
