package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.sandbox.SandboxPreflight;
import java.util.stream.Collectors;

/**
 * The runtimes the sandbox needs to run the voting app's pods as local processes (the same check {@code up}
 * runs before deploying into the sandbox). Needed only when the sandbox is the target.
 */
public final class SandboxRuntimesCheck implements Check {
  private final SandboxPreflight preflight;

  public SandboxRuntimesCheck(SandboxPreflight preflight) {
    this.preflight = preflight;
  }

  @Override
  public String name() {
    return "sandbox runtimes";
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return Check.onlyForSandbox(target);
  }

  @Override
  public CheckResult run(Workspace workspace) {
    try {
      SandboxPreflight.Report r = preflight.check(workspace, Progress.NONE);
      if (r.ok()) {
        return CheckResult.ok(name(), "the sandbox can run every service of the voting app (" + r.ms() + " ms)");
      }
      return CheckResult.missing(name(), false, "missing for the sandbox: "
          + r.missing().stream().map(SandboxPreflight.Missing::line).collect(Collectors.joining("; ")),
          "Run `" + (r.fix() == null ? "make setup" : r.fix()) + "` in the repository.");
    } catch (HostK8sException e) {
      return CheckResult.missing(name(), false, e.getMessage(), e.suggestions().isEmpty() ? null : e.suggestions().get(0));
    }
  }
}
