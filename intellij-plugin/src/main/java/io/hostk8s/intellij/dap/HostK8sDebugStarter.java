package io.hostk8s.intellij.dap;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.ProgramRunnerUtil;
import com.intellij.execution.RunManager;
import com.intellij.execution.RunnerAndConfigurationSettings;
import com.intellij.execution.configurations.ConfigurationTypeUtil;
import com.intellij.execution.executors.DefaultDebugExecutor;
import com.intellij.ide.plugins.PluginManagerCore;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.extensions.PluginId;
import com.intellij.openapi.project.Project;
import io.hostk8s.intellij.core.debug.AttachConfiguration;
import io.hostk8s.intellij.core.debug.DebugChoices;
import io.hostk8s.intellij.core.debug.ServiceDebug;
import io.hostk8s.intellij.core.errors.ErrorData;
import io.hostk8s.intellij.core.errors.ErrorView;
import io.hostk8s.intellij.jvm.WorkerJvmStarter;
import io.hostk8s.intellij.lsp.HostK8sNotifier;
import io.hostk8s.intellij.lsp.HostK8sServer;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts a debug session of a service: for the server's adapter, the endpoint is fetched off the EDT first (LSP4IJ
 * reads the address on the EDT and connects once), then, on the EDT, the service's run configuration (created once,
 * then reused) runs with the Debug executor.
 */
public final class HostK8sDebugStarter {
  private static final String JAVA_PLUGIN = "com.intellij.java";

  private HostK8sDebugStarter() {}

  /**
   * A Java service (debug.runtime: java) with the Java plugin present → IntelliJ's Java debugger on the JDWP forward;
   * every other service → the server's debug adapter.
   */
  public static void start(Project project, String service) {
    String problem = DebugChoices.problem(service, DebugChoices.debuggable(HostK8sSession.get(project).catalog()));
    if (problem != null) {
      HostK8sNotifier.error(project, ErrorView.of("Debug " + service, ErrorData.of(new IllegalArgumentException(problem))));
      return;
    }
    HostK8sServer.exec(project, ServiceDebug.command(), ServiceDebug.arguments())
        .thenApply(config -> ServiceDebug.of(config, service).map(ServiceDebug::isJava).orElse(false))
        .exceptionally(e -> false)
        .thenCompose(java -> java && PluginManagerCore.isPluginInstalled(PluginId.getId(JAVA_PLUGIN))
            ? CompletableFuture.completedFuture((Runnable) () -> WorkerJvmStarter.start(project, service))
            : DebugEndpoints.get(project).fetch(service).thenApply(a -> (Runnable) () -> ProgramRunnerUtil
                .executeConfiguration(settings(project, service), DefaultDebugExecutor.getDebugExecutorInstance())))
        .whenComplete((run, error) -> ApplicationManager.getApplication().invokeLater(() -> {
          if (project.isDisposed()) {
            return;
          }
          if (error != null) {
            HostK8sNotifier.error(project, ErrorView.of("Debug " + service, ErrorData.of(error)));
          } else {
            run.run();
          }
        }, ModalityState.nonModal()));
  }

  private static RunnerAndConfigurationSettings settings(Project project, String service) {
    RunManager rm = RunManager.getInstance(project);
    String name = new AttachConfiguration(service).name();
    RunnerAndConfigurationSettings s = rm.findConfigurationByTypeAndName(HostK8sDebugConfigurationType.ID, name);
    if (s == null) {
      s = rm.createConfiguration(name,
          ConfigurationTypeUtil.findConfigurationType(HostK8sDebugConfigurationType.class).getConfigurationFactories()[0]);
      ((HostK8sDebugConfiguration) s.getConfiguration()).setService(service);
      rm.addConfiguration(s);
    }
    rm.setSelectedConfiguration(s);
    return s;
  }

  /** The modal, cancellable wait for a server answer, for code that IntelliJ runs on the EDT (getState). */
  public static <T> T awaitModal(Project project, String title, Supplier<CompletableFuture<T>> call) throws ExecutionException {
    try {
      return ProgressManager.getInstance().runProcessWithProgressSynchronously(
          () -> call.get().get(60, TimeUnit.SECONDS), title, true, project);
    } catch (Exception e) {
      throw new ExecutionException(ErrorView.of(title, ErrorData.of(e)).text(), e);
    }
  }
}
