package io.hostk8s.intellij.dap;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.Executor;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.dap.DebugAdapterManager;
import com.redhat.devtools.lsp4ij.dap.configurations.DAPRunConfigurationBase;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * A HostK8s debug session of one service, run by LSP4IJ's DAP runner. Started from the Run menu, the endpoint is
 * fetched here with a modal, cancellable wait (getState runs on the EDT); started from an action, it was fetched off
 * the EDT before (HostK8sDebugStarter).
 */
public final class HostK8sDebugConfiguration extends DAPRunConfigurationBase<HostK8sDebugOptions> {
  HostK8sDebugConfiguration(Project project, ConfigurationFactory factory, String name) {
    super(project, factory, name);
  }

  @Override
  protected @NotNull HostK8sDebugOptions getOptions() {
    return (HostK8sDebugOptions) super.getOptions();
  }

  public String getService() {
    return getOptions().getService();
  }

  public void setService(String service) {
    getOptions().setService(service);
  }

  @Override
  protected @Nullable DebugAdapterServerDefinition getDebugAdapterServer() {
    return DebugAdapterManager.getInstance().getDebugAdapterServerById(HostK8sDebugAdapterFactory.ID);
  }

  @Override
  public @Nullable RunProfileState getState(@NotNull Executor executor, @NotNull ExecutionEnvironment environment) {
    DebugEndpoints endpoints = DebugEndpoints.get(getProject());
    if (!endpoints.has(getService())) {
      try {
        HostK8sDebugStarter.awaitModal(getProject(), "Asking the HostK8s server for its debug adapter",
            () -> endpoints.fetch(getService()));
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return super.getState(executor, environment);
  }
}
