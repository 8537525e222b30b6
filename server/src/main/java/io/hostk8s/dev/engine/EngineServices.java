package io.hostk8s.dev.engine;

import io.hostk8s.dev.Version;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.status.ClusterProbe;
import io.hostk8s.dev.status.ClusterStatus;
import io.hostk8s.dev.status.EngineInfo;
import io.hostk8s.dev.status.EventBus;
import io.hostk8s.dev.status.ServiceStatus;
import io.hostk8s.dev.status.SyncStatus;
import io.hostk8s.dev.status.StatusSnapshot;
import io.hostk8s.dev.status.StatusStore;
import java.util.List;

/** The engine's shared parts, handed to every command: workspace, status, events, process runner. */
public final class EngineServices {
  private final Workspace workspace;
  private final StatusStore status;
  private final EventBus events = new EventBus();
  private final ProcessRunner processes;

  public EngineServices(Workspace workspace, EngineInfo info, ProcessRunner processes) {
    this.workspace = workspace;
    this.processes = processes;
    this.status = new StatusStore(new StatusSnapshot(Version.get(), info,
        ClusterStatus.unknown(workspace.config().config().cluster().name(), String.valueOf(workspace.kubeconfig())),
        workspace.config().config().services().keySet().stream()
            .map(n -> new ServiceStatus(n, 0, 0, List.of(), "not checked yet", SyncStatus.OFF)).toList(),
        List.of(), List.of(), null, 0));
  }

  public Workspace workspace() {
    return workspace;
  }

  public StatusStore status() {
    return status;
  }

  public EventBus events() {
    return events;
  }

  public ProcessRunner processes() {
    return processes;
  }

  /** Reads the cluster once and folds the result into the status (used until watches take over). */
  public StatusSnapshot refreshFromCluster() {
    ClusterProbe.Result r = ClusterProbe.probe(workspace.config().config(), workspace.kubeconfig());
    return status.update(s -> s.withCluster(r.cluster()).withServices(r.services()));
  }
}
