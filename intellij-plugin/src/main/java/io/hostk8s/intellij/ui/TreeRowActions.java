package io.hostk8s.intellij.ui;

import com.intellij.ide.BrowserUtil;
import com.intellij.openapi.actionSystem.ActionGroup;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAwareAction;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.core.tree.TreeNode;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/** A row's context menu, as VS Code's tree offers it: logs, open, debug, restart, forward; publish on the Cloud node. */
final class TreeRowActions extends ActionGroup {
  private final Supplier<Object> selected;

  TreeRowActions(Supplier<Object> selected) {
    this.selected = selected;
  }

  @Override
  public @NotNull ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.EDT;
  }

  @Override
  public AnAction @NotNull [] getChildren(@Nullable AnActionEvent e) {
    if (e == null || e.getProject() == null || !(selected.get() instanceof TreeNode n) || n.kind() == null) {
      return AnAction.EMPTY_ARRAY;
    }
    var catalog = HostK8sSession.get(e.getProject()).catalog();
    List<AnAction> out = new ArrayList<>();
    Map<String, Object> svc = n.service() == null ? Map.of() : Map.of("service", n.service());
    if (n.kind().startsWith("service") || n.kind().equals("pod")) {
      out.add(server("Show Logs", CommandIds.LOGS_FOLLOW, svc));
      if (n.url() != null) {
        out.add(DumbAwareAction.create("Open in Browser", ev -> BrowserUtil.browse(n.url())));
      }
      if (!n.kind().equals("service-manifests")) {
        out.add(DumbAwareAction.create("Debug", ev -> HostK8sDebugStarter.start(ev.getProject(), n.service())));
        out.add(server("Sync Explain (active file)", CommandIds.SYNC_EXPLAIN, svc));
      }
      out.add(server("Restart", CommandIds.RESTART, svc));
      out.add(server("Port-Forward", CommandIds.FORWARD_START, svc));
    } else if (n.kind().startsWith("cloud")) {
      out.add(server("Plan Publish", CommandIds.PUBLISH_PLAN, Map.of()));
      out.add(server("Publish (Apply)", CommandIds.PUBLISH_APPLY, Map.of()));
      if (n.kind().equals("cloud-published")) {
        out.add(server("Publish Status", CommandIds.PUBLISH_STATUS, Map.of()));
        out.add(server("Tear Down", CommandIds.PUBLISH_TEARDOWN, Map.of()));
      }
    }
    out.removeIf(a -> a instanceof ServerRow r && !catalog.offers(r.command));
    return out.toArray(AnAction[]::new);
  }

  private static AnAction server(String title, String command, Map<String, Object> args) {
    return new ServerRow(title, command, args);
  }

  /** A row action that runs a server command with the row's service (missing arguments are asked). */
  private static final class ServerRow extends DumbAwareAction {
    final String command;
    final Map<String, Object> args;

    ServerRow(String title, String command, Map<String, Object> args) {
      super(title);
      this.command = command;
      this.args = args;
    }

    @Override
    public void actionPerformed(@NotNull AnActionEvent e) {
      if (e.getProject() != null) {
        CommandRunner.run(e.getProject(), command, args.isEmpty() ? List.of() : List.of(args));
      }
    }
  }
}
