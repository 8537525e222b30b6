package io.hostk8s.intellij.ui;

import com.intellij.execution.filters.TextConsoleBuilderFactory;
import com.intellij.execution.ui.ConsoleView;
import com.intellij.execution.ui.ConsoleViewContentType;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.Disposer;
import com.intellij.openapi.wm.ToolWindowManager;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import io.hostk8s.dev.protocol.LogBatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One console per service in the HostK8s tool window ("Logs: vote"), fed by hostk8s/log; and an "Output" console. */
@Service(Service.Level.PROJECT)
public final class LogConsoles {
  static final String OUTPUT = "Output";
  private final Project project;
  private final Map<String, ConsoleView> consoles = new ConcurrentHashMap<>();

  public LogConsoles(Project project) {
    this.project = project;
  }

  public static LogConsoles get(Project project) {
    return project.getService(LogConsoles.class);
  }

  /** Called on LSP4IJ's pool threads; the console is created and written on the EDT. */
  public void append(LogBatch batch) {
    if (batch == null || batch.service() == null || batch.service().isEmpty()) {
      return;
    }
    edt(() -> {
      ConsoleView c = console("Logs: " + batch.service());
      batch.lines().forEach(line -> c.print(line + "\n", ConsoleViewContentType.NORMAL_OUTPUT));
    });
  }

  public void output(List<String> lines) {
    if (!lines.isEmpty()) {
      edt(() -> lines.forEach(l -> console(OUTPUT).print(l + "\n", ConsoleViewContentType.NORMAL_OUTPUT)));
    }
  }

  public void show(String service) {
    edt(() -> select(service == null ? OUTPUT : "Logs: " + service));
  }

  public void showOutput() {
    edt(() -> select(OUTPUT));
  }

  private void edt(Runnable r) {
    ApplicationManager.getApplication().invokeLater(() -> {
      if (!project.isDisposed()) {
        r.run();
      }
    }, ModalityState.nonModal());
  }

  private ConsoleView console(String title) {
    return consoles.computeIfAbsent(title, t -> {
      ConsoleView c = TextConsoleBuilderFactory.getInstance().createBuilder(project).getConsole();
      var window = ToolWindowManager.getInstance(project).getToolWindow(HostK8sToolWindowFactory.ID);
      if (window != null) {
        Content content = ContentFactory.getInstance().createContent(c.getComponent(), t, false);
        content.setDisposer(c);
        window.getContentManager().addContent(content);
      } else {
        Disposer.register(project, c);
      }
      return c;
    });
  }

  private void select(String title) {
    console(title);
    var window = ToolWindowManager.getInstance(project).getToolWindow(HostK8sToolWindowFactory.ID);
    if (window != null) {
      Content content = window.getContentManager().findContent(title);
      if (content != null) {
        window.getContentManager().setSelectedContent(content);
      }
      window.show();
    }
  }
}
