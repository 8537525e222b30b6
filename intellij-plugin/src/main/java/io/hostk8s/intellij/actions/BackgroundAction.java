package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.project.DumbAware;
import org.jetbrains.annotations.NotNull;

/** The plugin's actions: updated on a background thread (they read the session only), usable while indexing. */
abstract class BackgroundAction extends AnAction implements DumbAware {
  BackgroundAction() {}

  BackgroundAction(String text) {
    super(text);
  }

  @Override
  public final @NotNull ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }
}
