package io.hostk8s.dev.engine;

import io.hostk8s.dev.command.Commands;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.status.EngineInfo;
import java.nio.file.Path;
import java.util.Map;

/** Builds engines for front ends. */
public final class Engines {
  private Engines() {}

  /** An engine running in this process for {@code root}. */
  public static LocalEngine local(Path root, Map<String, String> env, Path kubeconfigOverride, String mode, String frontEnd) {
    Workspace ws = new Workspace(root, env, kubeconfigOverride);
    EngineInfo info = new EngineInfo(mode, frontEnd, ProcessHandle.current().pid(), ws.root().toString());
    SystemProcessRunner processes = new SystemProcessRunner();
    EngineServices services = new EngineServices(ws, info, processes);
    // closing the engine closes its features: e.g. the deploy session stops the rollout watch and resumes any
    // Flux Kustomization it suspended
    return new LocalEngine(services, Commands.standard(processes));
  }
}
