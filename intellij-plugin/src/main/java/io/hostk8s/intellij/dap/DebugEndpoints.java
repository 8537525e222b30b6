package io.hostk8s.intellij.dap;

import com.intellij.openapi.components.Service;
import com.intellij.openapi.project.Project;
import io.hostk8s.intellij.core.debug.AttachConfiguration;
import io.hostk8s.intellij.core.debug.TcpAdapter;
import io.hostk8s.intellij.lsp.HostK8sServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapter addresses fetched for the next session start, per service, in memory only: the token is a secret and
 * never stored in a run configuration (workspace.xml). Filled off the EDT before the session starts; taken by the
 * descriptor, which LSP4IJ calls on the EDT.
 */
@Service(Service.Level.PROJECT)
public final class DebugEndpoints {
  private final Project project;
  private final Map<String, TcpAdapter> ready = new ConcurrentHashMap<>();

  public DebugEndpoints(Project project) {
    this.project = project;
  }

  public static DebugEndpoints get(Project project) {
    return project.getService(DebugEndpoints.class);
  }

  /** Asks {@code hostk8s.debug.endpoint} (the server binds the adapter before it answers) and keeps the address. */
  public CompletableFuture<TcpAdapter> fetch(String service) {
    AttachConfiguration c = new AttachConfiguration(service);
    return HostK8sServer.exec(project, c.endpointCommand(), c.endpointArguments()).thenApply(TcpAdapter::of)
        .thenApply(a -> {
          ready.put(service, a);
          return a;
        });
  }

  public boolean has(String service) {
    return ready.containsKey(service);
  }

  TcpAdapter peek(String service) {
    TcpAdapter a = ready.get(service);
    if (a == null) {
      throw new IllegalStateException("HostK8s: no debug endpoint fetched for " + service);
    }
    return a;
  }
}
