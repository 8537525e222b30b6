package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import io.hostk8s.intellij.settings.DigitalOceanToken;
import org.jetbrains.annotations.NotNull;

/** Removes the DigitalOcean token from the password safe. */
public final class ClearDigitalOceanTokenAction extends BackgroundAction {
  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    DigitalOceanToken.clear(e.getProject());
  }
}
