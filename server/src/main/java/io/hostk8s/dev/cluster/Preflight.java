package io.hostk8s.dev.cluster;

import io.hostk8s.dev.build.DaemonProbe;
import io.hostk8s.dev.build.DockerEndpoint;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before creating a kind cluster: a Docker daemon answers (the build package's {@link DaemonProbe}: a socket
 * connect, microseconds to ~100 ms) and {@code kind} is on the workspace's PATH. Fails fast with the fix.
 */
public final class Preflight {
  private Preflight() {}

  /** The kind binary; DOCKER_UNREACHABLE (mentioning kind too when it is also missing) or KIND_MISSING. */
  public static Path forKind(Workspace ws) {
    Optional<Path> kind = Executables.onPath(ws.env().get("PATH"), "kind");
    try {
      DaemonProbe.check(DockerEndpoint.from(ws.env()));
    } catch (HostK8sException e) {
      if (kind.isPresent()) {
        throw e;
      }
      List<String> fixes = new ArrayList<>(e.suggestions());
      fixes.add("kind is not on PATH either: " + kindFix(ws));
      throw new HostK8sException(e.code(), e.getMessage(), fixes, true, null);
    }
    return kind.orElseThrow(() -> HostK8sException.user(ErrorCode.KIND_MISSING,
        "kind is not on PATH (" + ws.env().getOrDefault("PATH", "") + "); it creates the cluster when the workspace is not a HostK8s checkout.",
        kindFix(ws)));
  }

  private static String kindFix(Workspace ws) {
    CheckResult r = new KindCheck().run(ws);
    return r.fix() == null ? "Install kind." : r.fix();
  }
}
