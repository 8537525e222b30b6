package io.hostk8s.intellij.ui;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.StatusBarWidget;
import com.intellij.openapi.wm.StatusBarWidgetFactory;
import io.hostk8s.intellij.core.project.ProjectLayout;
import java.nio.file.Path;
import org.jetbrains.annotations.NotNull;

/** The status-bar widget, in HostK8s projects only. */
public final class HostK8sStatusWidgetFactory implements StatusBarWidgetFactory {
  public static final String ID = "HostK8sStatus";

  @Override
  public @NotNull String getId() {
    return ID;
  }

  @Override
  public @NotNull String getDisplayName() {
    return "HostK8s";
  }

  @Override
  public boolean isAvailable(@NotNull Project project) {
    return project.getBasePath() != null && ProjectLayout.isHostK8sProject(Path.of(project.getBasePath()));
  }

  @Override
  public @NotNull StatusBarWidget createWidget(@NotNull Project project) {
    return new HostK8sStatusWidget(project);
  }
}
