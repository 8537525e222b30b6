package io.hostk8s.dev.deploy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Test workspaces holding a copy of the voting app's local manifests, and engines over them. */
final class DeployFixtures {
  private DeployFixtures() {}

  static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/k8s/local"))) {
        return p;
      }
    }
    throw new IllegalStateException("voting-app/k8s/local not found above " + Path.of("").toAbsolutePath());
  }

  /** {@code ws}/voting-app/k8s/local = a copy of the repository's local manifests (the config default). */
  static Path votingAppWorkspace(Path ws) {
    Path src = repo().resolve("voting-app/k8s/local");
    Path dst = ws.resolve("voting-app/k8s/local");
    try (Stream<Path> files = Files.list(src)) {
      Files.createDirectories(dst);
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ws;
  }

  static EngineServices engine(Path ws, Path kubeconfig) {
    Workspace workspace = new Workspace(ws, Map.of(), kubeconfig);
    return new EngineServices(workspace, new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()),
        (spec, lines, progress) -> {
          throw new IllegalStateException("deploy runs no external process");
        });
  }
}
