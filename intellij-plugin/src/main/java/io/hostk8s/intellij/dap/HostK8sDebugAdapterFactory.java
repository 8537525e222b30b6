package io.hostk8s.intellij.dap;

import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptorFactory;
import org.jetbrains.annotations.NotNull;

/** LSP4IJ's {@code debugAdapterServer} "hostk8s-debug": the server's own adapter, attach-only, over TCP. */
public final class HostK8sDebugAdapterFactory extends DebugAdapterDescriptorFactory {
  public static final String ID = "hostk8s-debug";

  @Override
  public DebugAdapterDescriptor createDebugAdapterDescriptor(@NotNull RunConfigurationOptions options,
      @NotNull ExecutionEnvironment environment) {
    return new HostK8sDebugAdapterDescriptor(options, environment, getServerDefinition());
  }

  /** No generic "Debug app.py" from a file: sessions start from the HostK8s configuration. */
  @Override
  public boolean prepareConfiguration(@NotNull RunConfiguration configuration, @NotNull VirtualFile file, @NotNull Project project) {
    return false;
  }

  /** LSP4IJ's default editor is typed to its own configuration and breaks on ours. */
  @Override
  public @NotNull SettingsEditor<? extends RunConfiguration> getConfigurationEditor(@NotNull Project project) {
    return new HostK8sDebugEditor(project);
  }
}
