package io.hostk8s.intellij.commands;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.project.Project;
import com.intellij.util.concurrency.AppExecutorUtil;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.intellij.core.commands.ArgumentFlow;
import io.hostk8s.intellij.core.commands.ArgumentPlan;
import io.hostk8s.intellij.core.commands.Presentation;
import io.hostk8s.intellij.core.commands.ResultPresenter;
import io.hostk8s.intellij.core.errors.ErrorData;
import io.hostk8s.intellij.core.errors.ErrorView;
import io.hostk8s.intellij.core.json.Json;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import io.hostk8s.intellij.lsp.HostK8sNotifier;
import io.hostk8s.intellij.lsp.HostK8sServer;
import io.hostk8s.intellij.lsp.HostK8sSession;
import io.hostk8s.intellij.ui.LogConsoles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one server command as the palette does in VS Code: its arguments asked from the server's description (off the
 * EDT; dialogs wait on the EDT), the call, then the result or error as the core presents it. Long commands show the
 * server's own {@code $/progress}, which LSP4IJ turns into a cancellable background task.
 */
public final class CommandRunner {
  private CommandRunner() {}

  /** {@code given}: the arguments a fix button, code lens or tool-window row already has (empty or one object). */
  public static void run(Project project, String commandId, List<Object> given) {
    AppExecutorUtil.getAppExecutorService().execute(() -> runInBackground(project, commandId, given));
  }

  @SuppressWarnings("unchecked")
  private static void runInBackground(Project project, String commandId, List<Object> given) {
    HostK8sSession session = HostK8sSession.get(project);
    Optional<CommandDescription> described = session.refreshedCatalog().get(commandId);
    if (described.isEmpty()) {
      HostK8sNotifier.error(project, ErrorView.of(commandId, ErrorData.of(new IllegalStateException(
          "The running HostK8s server does not offer " + commandId + "."))));
      return;
    }
    CommandDescription d = described.get();
    Map<String, Object> givenArgs = given.isEmpty() ? Map.of() : Json.as(given.get(0), Map.class);
    Optional<Map<String, Object>> args = ArgumentFlow.gather(d, givenArgs, new DialogPrompter(project), session.catalog()::get);
    if (args.isEmpty()) {
      return;
    }
    if (d.longRunning()) {
      session.started(d.title());
    }
    HostK8sServer.exec(project, d.id(), ArgumentPlan.commandArguments(args.get())).whenComplete((result, error) -> {
      if (d.longRunning()) {
        session.ended(d.title());
      }
      ApplicationManager.getApplication().invokeLater(() -> {
        if (!project.isDisposed()) {
          show(project, d, args.get(), result, error);
        }
      }, ModalityState.nonModal());
    });
  }

  private static void show(Project project, CommandDescription d, Map<String, Object> args, Object result, Throwable error) {
    if (error != null) {
      ErrorView v = ErrorView.of(d.title(), ErrorData.of(error));
      LogConsoles.get(project).output(v.detail());
      HostK8sNotifier.error(project, v);
      return;
    }
    Presentation p = ResultPresenter.present(d.result(), result, args, d.title());
    LogConsoles.get(project).output(p.lines());
    switch (p.show()) {
      case "document" -> ResultDocument.open(project, d.title(), Json.text(result));
      case "logs" -> LogConsoles.get(project).show(p.service());
      default -> HostK8sNotifier.result(project, p);
    }
    if (p.debug() != null) {
      Object service = p.debug().get("service");
      if (service instanceof String s) {
        HostK8sDebugStarter.start(project, s);
      }
    }
  }
}
