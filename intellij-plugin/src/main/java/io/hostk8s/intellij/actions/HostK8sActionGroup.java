package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.ActionGroup;
import com.intellij.openapi.actionSystem.ActionManager;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.Separator;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Tools → HostK8s: one action per command the running server announces and describes, grouped by the server's
 * category, then the plugin's own actions (token, debug). Nothing here lists commands: they come from the server.
 */
public final class HostK8sActionGroup extends ActionGroup implements DumbAware {
  @Override
  public @NotNull ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }

  @Override
  public AnAction @NotNull [] getChildren(@Nullable AnActionEvent e) {
    Project project = e == null ? null : e.getProject();
    if (project == null) {
      return AnAction.EMPTY_ARRAY;
    }
    HostK8sSession session = HostK8sSession.get(project);
    CommandCatalog catalog = session.catalog();
    String target = session.snapshot() == null || session.snapshot().cluster() == null ? null : session.snapshot().cluster().target();
    List<AnAction> out = new ArrayList<>();
    for (Map.Entry<String, List<CommandDescription>> category : catalog.byCategory().entrySet()) {
      out.add(Separator.create(category.getKey()));
      for (CommandDescription d : category.getValue()) {
        if (catalog.appliesTo(d.id(), target)) {
          out.add(registered(d));
        }
      }
    }
    out.add(Separator.create());
    out.add(ActionManager.getInstance().getAction("HostK8s.Client"));
    return out.toArray(AnAction[]::new);
  }

  /** The command's action, registered once under its id so Find Action lists it too. */
  static AnAction registered(CommandDescription d) {
    ActionManager am = ActionManager.getInstance();
    String id = CommandCatalog.actionId(d.id());
    AnAction a = am.getAction(id);
    if (a == null) {
      a = new HostK8sCommandAction(d.id(), d.title());
      am.registerAction(id, a);
    }
    return a;
  }

  /** Called when the catalog arrives, so Find Action knows every command before the menu was ever opened. */
  public static void registerAll(CommandCatalog catalog) {
    catalog.commands().forEach(HostK8sActionGroup::registered);
  }

}
