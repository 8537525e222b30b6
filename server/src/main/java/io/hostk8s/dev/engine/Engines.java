package io.hostk8s.dev.engine;

import io.hostk8s.dev.cloud.target.CloudTarget;
import io.hostk8s.dev.command.Commands;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeSource;
import io.hostk8s.dev.core.Target;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.doctor.KubeconfigFixes;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Path;
import java.util.Map;

/** Builds engines for front ends. */
public final class Engines {
  private Engines() {}

  /** An engine running in this process for {@code root}. */
  public static LocalEngine local(Path root, Map<String, String> env, Path kubeconfigOverride, String mode, String frontEnd) {
    return local(root, env, kubeconfigOverride, mode, frontEnd, DebugAdapterHost.NONE);
  }

  /** The same, with the front end's debug adapter behind {@code hostk8s.debug.endpoint}. */
  public static LocalEngine local(Path root, Map<String, String> env, Path kubeconfigOverride, String mode, String frontEnd,
      DebugAdapterHost adapter) {
    return local(root, env, kubeconfigOverride, null, mode, frontEnd, adapter);
  }

  /** The same on {@code target} for this engine only (the CLI's --target; null: the workspace's remembered one). */
  public static LocalEngine local(Path root, Map<String, String> env, Path kubeconfigOverride, Target target, String mode,
      String frontEnd, DebugAdapterHost adapter) {
    Workspace ws = new Workspace(root, env, kubeconfigOverride);
    ws.overrideTarget(target);
    CloudTarget.wire(ws);
    EngineInfo info = new EngineInfo(mode, frontEnd, ProcessHandle.current().pid(), ws.root().toString());
    SystemProcessRunner processes = new SystemProcessRunner();
    EngineServices services = new EngineServices(ws, info, processes, kubeSource());
    CloudTarget.showRecorded(services);
    // closing the engine closes its features: e.g. the deploy session stops the rollout watch and resumes any
    // Flux Kustomization it suspended
    return new LocalEngine(services, Commands.standard(processes, adapter));
  }

  /** The engine's Kubernetes client source: the standard client, and the fixes that work from here when missing. */
  public static KubeSource kubeSource() {
    return new KubeSource(KubeSource::standardClient, KubeconfigFixes::missing);
  }
}
