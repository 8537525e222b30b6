package io.hostk8s.intellij.actions;

import com.intellij.openapi.actionSystem.AnActionEvent;
import io.hostk8s.intellij.settings.DigitalOceanToken;
import org.jetbrains.annotations.NotNull;

/** Asks for the DigitalOcean token and keeps it in IntelliJ's password safe. */
public final class SetDigitalOceanTokenAction extends BackgroundAction {
  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    if (e.getProject() != null) {
      DigitalOceanToken.askAndStore(e.getProject());
    }
  }
}
