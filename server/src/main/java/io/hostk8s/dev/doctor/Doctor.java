package io.hostk8s.dev.doctor;

import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.sandbox.SandboxPreflight;
import java.util.ArrayList;
import java.util.List;

/** Runs every environment check and reports what is missing with the fix. */
public final class Doctor {
  private final List<Check> checks;

  public Doctor(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  public static Doctor standard(SandboxPreflight sandbox) {
    return new Doctor(List.of(new JavaCheck(), new DockerCheck(), new KindCheck(), new KubeconfigCheck(), new RegistryCheck(),
        new SandboxRuntimesCheck(sandbox)));
  }

  public DoctorReport run(Workspace workspace, Progress progress) {
    List<CheckResult> results = new ArrayList<>();
    int i = 0;
    for (Check check : checks) {
      progress.checkCancelled();
      progress.report("checking " + check.name(), 100 * i++ / checks.size());
      results.add(check.run(workspace));
    }
    return DoctorReport.of(results);
  }
}
