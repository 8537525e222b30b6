package io.hostk8s.intellij.ui;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.popup.JBPopupFactory;
import com.intellij.openapi.wm.StatusBar;
import com.intellij.openapi.wm.StatusBarWidget;
import com.intellij.ide.BrowserUtil;
import com.intellij.ui.awt.RelativePoint;
import com.intellij.util.Consumer;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.core.status.QuickActions;
import io.hostk8s.intellij.core.status.StatusText;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.awt.event.MouseEvent;
import java.util.List;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/** "HostK8s: running · 3/3 ready · sync 120 ms" from hostk8s/status; a click opens the main actions. */
final class HostK8sStatusWidget implements StatusBarWidget, StatusBarWidget.TextPresentation {
  private final Project project;
  private StatusBar bar;

  HostK8sStatusWidget(Project project) {
    this.project = project;
    HostK8sSession.get(project).onChange(() -> {
      if (bar != null) {
        bar.updateWidget(ID());
      }
    });
  }

  @Override
  public @NotNull String ID() {
    return HostK8sStatusWidgetFactory.ID;
  }

  @Override
  public void install(@NotNull StatusBar statusBar) {
    bar = statusBar;
  }

  @Override
  public @Nullable WidgetPresentation getPresentation() {
    return this;
  }

  private HostK8sSession session() {
    return HostK8sSession.get(project);
  }

  @Override
  public @NotNull String getText() {
    return StatusText.text(session().state(), session().snapshot(), session().localBusy());
  }

  @Override
  public float getAlignment() {
    return 0f;
  }

  @Override
  public @Nullable String getTooltipText() {
    return StatusText.tooltip(session().state(), session().snapshot());
  }

  @Override
  public @Nullable Consumer<MouseEvent> getClickConsumer() {
    return e -> {
      List<QuickActions.QuickAction> actions = QuickActions.of(session().snapshot(), session().catalog());
      JBPopupFactory.getInstance().createPopupChooserBuilder(actions)
          .setTitle("HostK8s")
          .setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> l, Object v, int i, boolean s, boolean f) {
              return super.getListCellRendererComponent(l, ((QuickActions.QuickAction) v).label(), i, s, f);
            }
          })
          .setItemChosenCallback(a -> {
            if (a.url() != null) {
              BrowserUtil.browse(a.url());
            } else {
              CommandRunner.run(project, a.command(), List.of());
            }
          })
          .createPopup().show(new RelativePoint(e));
    };
  }

  @Override
  public void dispose() {
    bar = null;
  }
}
