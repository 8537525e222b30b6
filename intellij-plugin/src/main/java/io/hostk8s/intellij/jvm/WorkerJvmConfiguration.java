package io.hostk8s.intellij.jvm;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.Executor;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RemoteConfiguration;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import io.hostk8s.intellij.core.debug.JdwpForward;
import io.hostk8s.intellij.core.debug.ServiceDebug;
import io.hostk8s.intellij.dap.HostK8sDebugStarter;
import io.hostk8s.intellij.lsp.HostK8sServer;
import java.util.concurrent.CompletableFuture;
import org.jetbrains.annotations.NotNull;

/**
 * Remote JVM Debug whose address is the server's stable JDWP forward: each start reads the service's debug port from
 * {@code hostk8s.config.show}, asks {@code hostk8s.forward.start} (which opens or returns the forward; it follows the
 * service's pod replacements) and attaches to 127.0.0.1:port. HOST and PORT of the editor are overwritten.
 */
public final class WorkerJvmConfiguration extends RemoteConfiguration {
  /** The Java service (stored with the other public fields by RemoteConfiguration's externalizer). */
  public String HOSTK8S_SERVICE = JdwpForward.WORKER;

  WorkerJvmConfiguration(Project project, ConfigurationFactory factory) {
    super(project, factory);
    HOST = JdwpForward.HOST;
    SERVER_MODE = false;
    USE_SOCKET_TRANSPORT = true;
  }

  @Override
  public RunProfileState getState(@NotNull Executor executor, @NotNull ExecutionEnvironment env) throws ExecutionException {
    Project p = getProject();
    String service = HOSTK8S_SERVICE;
    Object reply = HostK8sDebugStarter.awaitModal(p, "Opening the HostK8s forward to " + service + "'s JDWP port",
        () -> HostK8sServer.exec(p, ServiceDebug.command(), ServiceDebug.arguments()).thenCompose(config -> {
          JdwpForward forward = ServiceDebug.of(config, service).filter(ServiceDebug::isJava).map(ServiceDebug::jdwpForward)
              .orElse(null);
          return forward == null
              ? CompletableFuture.failedFuture(new IllegalStateException(
                  "\"" + service + "\" has no Java debugger (debug.runtime: java) in hostk8s.dev.yaml."))
              : HostK8sServer.exec(p, forward.command(), forward.arguments());
        }));
    HOST = JdwpForward.HOST;
    PORT = Integer.toString(JdwpForward.localPort(reply));
    return super.getState(executor, env);
  }
}
