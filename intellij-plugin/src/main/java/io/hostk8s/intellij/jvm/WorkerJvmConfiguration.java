package io.hostk8s.intellij.jvm;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.Executor;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RemoteConfiguration;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import io.hostk8s.intellij.core.debug.JdwpForward;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import io.hostk8s.intellij.lsp.HostK8sServer;
import org.jetbrains.annotations.NotNull;

/**
 * Remote JVM Debug whose address is the server's stable JDWP forward: each start asks {@code hostk8s.forward.start}
 * (which opens or returns it; the forward follows the worker's pod replacements) and attaches to 127.0.0.1:port.
 */
public final class WorkerJvmConfiguration extends RemoteConfiguration {
  WorkerJvmConfiguration(Project project, ConfigurationFactory factory) {
    super(project, factory);
    HOST = JdwpForward.HOST;
    SERVER_MODE = false;
    USE_SOCKET_TRANSPORT = true;
  }

  @Override
  public RunProfileState getState(@NotNull Executor executor, @NotNull ExecutionEnvironment env) throws ExecutionException {
    JdwpForward forward = JdwpForward.worker();
    Object reply = HostK8sDebugStarter.awaitModal(getProject(), "Opening the HostK8s forward to the worker's JDWP port",
        () -> HostK8sServer.exec(getProject(), forward.command(), forward.arguments()));
    HOST = JdwpForward.HOST;
    PORT = Integer.toString(JdwpForward.localPort(reply));
    return super.getState(executor, env);
  }
}
