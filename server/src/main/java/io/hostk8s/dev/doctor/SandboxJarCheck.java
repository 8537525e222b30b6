package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.sandbox.SandboxLauncher;

/** The sandbox test bed's jar (a separate jar, never part of the server jar) can be found. */
public final class SandboxJarCheck implements Check {
  @Override
  public String name() {
    return "sandbox jar";
  }

  @Override
  public CheckResult run(Workspace workspace) {
    try {
      return CheckResult.ok(name(), SandboxLauncher.findJar(workspace).toString());
    } catch (HostK8sException e) {
      return CheckResult.missing(name(), true, e.getMessage(), e.suggestions().isEmpty() ? null : e.suggestions().get(0));
    }
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return Check.onlyForSandbox(target);
  }
}
