package io.hostk8s.intellij.lsp;

import com.intellij.ide.BrowserUtil;
import com.intellij.notification.Notification;
import com.intellij.notification.NotificationAction;
import com.intellij.notification.NotificationGroupManager;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.options.ShowSettingsUtil;
import com.intellij.openapi.project.Project;
import io.hostk8s.dev.protocol.commands.Fix;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.core.commands.Presentation;
import io.hostk8s.intellij.core.errors.ErrorView;
import io.hostk8s.intellij.ui.LogConsoles;

/** Balloons of the "HostK8s" group: results, errors with the server's fixes as actions, the missing Java. */
public final class HostK8sNotifier {
  private static final String GROUP = "HostK8s";

  private HostK8sNotifier() {}

  private static Notification create(String text, NotificationType type) {
    return NotificationGroupManager.getInstance().getNotificationGroup(GROUP).createNotification(text, type);
  }

  public static void result(Project project, Presentation p) {
    Notification n = create(p.text(), p.warning() ? NotificationType.WARNING : NotificationType.INFORMATION);
    if (p.url() != null) {
      n.addAction(NotificationAction.createSimpleExpiring(p.urlLabel(), () -> BrowserUtil.browse(p.url())));
    }
    addFixes(project, n, p.fixes());
    if (!p.lines().isEmpty()) {
      n.addAction(NotificationAction.createSimple("Show Output", () -> LogConsoles.get(project).showOutput()));
    }
    n.notify(project);
  }

  public static void error(Project project, ErrorView v) {
    Notification n = create(v.text(), v.cancelled() ? NotificationType.INFORMATION : NotificationType.ERROR);
    addFixes(project, n, v.fixes());
    if (v.more()) {
      n.addAction(NotificationAction.createSimple("Show Output", () -> LogConsoles.get(project).showOutput()));
    }
    n.notify(project);
  }

  static void javaMissing(Project project, String message) {
    Notification n = create(message, NotificationType.ERROR);
    n.addAction(NotificationAction.createSimpleExpiring("Open Settings",
        () -> ShowSettingsUtil.getInstance().showSettingsDialog(project, "HostK8s")));
    n.notify(project);
  }

  private static void addFixes(Project project, Notification n, java.util.List<Fix> fixes) {
    for (Fix f : fixes) {
      n.addAction(NotificationAction.createSimpleExpiring(f.title(), () -> CommandRunner.run(project, f.command(), f.arguments())));
    }
  }
}
