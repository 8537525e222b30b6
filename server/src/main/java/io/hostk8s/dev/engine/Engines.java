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
    LocalEngine engine = new LocalEngine(services, Commands.standard(processes));
    // end of the session: stop the rollout watch, resume any Flux Kustomization we suspended
    engine.onClose(() -> io.hostk8s.dev.deploy.DeployService.endSession(services));
    return engine;
  }
}
