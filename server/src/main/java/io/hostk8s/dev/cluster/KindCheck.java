package io.hostk8s.dev.cluster;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.core.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code kind} on PATH (needed to create the cluster without a HostK8s checkout). */
public final class KindCheck implements Check {
  @Override
  public String name() {
    return "kind";
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return Check.onlyForCluster(target);
  }

  @Override
  public CheckResult run(Workspace workspace) {
    Optional<Path> kind = onPath(workspace.env().getOrDefault("PATH", ""), "kind");
    return kind.map(p -> CheckResult.ok(name(), "kind at " + p))
        .orElseGet(() -> CheckResult.missing(name(), true, "kind is not on PATH",
            "Install kind (HostK8s: `make install`; or see https://kind.sigs.k8s.io/docs/user/quick-start/#installation)."));
  }

  static Optional<Path> onPath(String path, String exe) {
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, exe);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
