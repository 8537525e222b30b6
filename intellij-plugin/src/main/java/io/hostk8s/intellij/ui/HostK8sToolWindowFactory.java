package io.hostk8s.intellij.ui;

import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.content.ContentFactory;
import io.hostk8s.intellij.core.project.ProjectLayout;
import java.nio.file.Path;
import org.jetbrains.annotations.NotNull;

/** The HostK8s tool window: the status tree; per-service log consoles and the output are added as tabs. */
public final class HostK8sToolWindowFactory implements ToolWindowFactory, DumbAware {
  public static final String ID = "HostK8s";

  @Override
  public void createToolWindowContent(@NotNull Project project, @NotNull ToolWindow window) {
    window.getContentManager().addContent(
        ContentFactory.getInstance().createContent(new HostK8sTreePanel(project), "Status", false));
  }

  @Override
  public boolean shouldBeAvailable(@NotNull Project project) {
    return project.getBasePath() != null && ProjectLayout.isHostK8sProject(Path.of(project.getBasePath()));
  }
}
