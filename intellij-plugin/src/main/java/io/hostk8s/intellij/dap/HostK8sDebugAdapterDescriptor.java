package io.hostk8s.intellij.dap;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.process.ProcessHandler;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.fileTypes.FileType;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.ServerReadyConfig;
import io.hostk8s.intellij.core.debug.AttachConfiguration;
import io.hostk8s.intellij.core.debug.TcpAdapter;
import java.util.Map;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * ATTACH to the address fetched before the session started (LSP4IJ reads it on the EDT and connects once, without
 * retry; the server has bound the socket before answering); {@code attach} carries the service and the token.
 */
final class HostK8sDebugAdapterDescriptor extends DebugAdapterDescriptor {
  HostK8sDebugAdapterDescriptor(RunConfigurationOptions options, ExecutionEnvironment environment,
      DebugAdapterServerDefinition definition) {
    super(options, environment, definition);
  }

  private String service() {
    return ((HostK8sDebugOptions) options).getService();
  }

  private TcpAdapter adapter() {
    return DebugEndpoints.get(environment.getProject()).peek(service());
  }

  @Override
  public @NotNull DebugMode getDebugMode() {
    return DebugMode.ATTACH;
  }

  @Override
  public @NotNull ServerReadyConfig getServerReadyConfig(@NotNull DebugMode mode) {
    return new ServerReadyConfig(adapter().host(), adapter().port());
  }

  @Override
  public @NotNull Map<String, Object> getDapParameters() {
    return new AttachConfiguration(service()).dapParameters(adapter());
  }

  @Override
  public ProcessHandler startServer() throws ExecutionException {
    throw new ExecutionException("HostK8s debugging attaches to the HostK8s server's adapter; it starts no process.");
  }

  @Override
  public @Nullable FileType getFileType() {
    return null;
  }
}
