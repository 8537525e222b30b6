package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.cluster.KindCheck;
import io.hostk8s.dev.cluster.RegistryCheck;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.sandbox.SandboxPreflight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every environment check and reports what is missing with the fix, for one target: a real cluster (Java,
 * Docker, kind, kubeconfig, registry) or the sandbox (Java, the sandbox jar, its runtimes, and its kubeconfig once
 * it runs). Checks the target does not need are still run and reported, marked as not needed; the needed come first.
 */
public final class Doctor {
  private final List<Check> checks;

  public Doctor(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  public static Doctor standard(SandboxPreflight sandbox) {
    return new Doctor(List.of(new JavaCheck(), new DockerCheck(), new KindCheck(), new KubeconfigCheck(), new RegistryCheck(),
        new SandboxJarCheck(), new SandboxRuntimesCheck(sandbox)));
  }

  /** Checks for the target {@code make dev} would choose, or {@code forced} ({@link DevTarget#CLUSTER} / {@link DevTarget#SANDBOX}). */
  public DoctorReport run(Workspace workspace, String forced, Progress progress) {
    DevTarget target = DevTargets.choose(workspace, forced);
    List<CheckResult> results = new ArrayList<>();
    int i = 0;
    for (Check check : checks) {
      progress.checkCancelled();
      progress.report("checking " + check.name(), 100 * i++ / checks.size());
      String why = check.notNeeded(target, workspace);
      CheckResult r = check.run(workspace);
      results.add(why == null ? r.needed() : r.notNeeded(why));
    }
    results.sort(Comparator.comparing(c -> c.note() != null));
    return DoctorReport.of(results, target);
  }
}
