package io.hostk8s.dev.cluster;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.protocol.EngineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test workspaces: plain, or a minimal HostK8s checkout (Makefile + infra/scripts). */
final class Workspaces {
  private Workspaces() {}

  static Path checkout(Path dir, String makefile) throws IOException {
    Files.createDirectories(dir.resolve("infra/scripts"));
    Files.writeString(dir.resolve("Makefile"), makefile.replace("\n    ", "\n\t"));
    return dir;
  }

  static EngineServices engine(Path root, Map<String, String> env, Path kubeconfig, ProcessRunner runner) {
    Workspace ws = new Workspace(root, env, kubeconfig);
    return new EngineServices(ws, new EngineInfo("owner", "test", ProcessHandle.current().pid(), root.toString()), runner);
  }
}
