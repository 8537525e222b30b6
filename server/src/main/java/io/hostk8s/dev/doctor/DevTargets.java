package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.cluster.KindCheck;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.core.Workspace;

/** Which target (a real cluster or the sandbox) this machine and workspace are for. */
public final class DevTargets {
  private DevTargets() {}

  /** Decides for {@code ws}; {@code forced} ({@link DevTarget#CLUSTER}, {@link DevTarget#SANDBOX} or null) comes from a command-line flag. */
  public static DevTarget choose(Workspace ws, String forced) {
    if (DevTarget.SANDBOX.equals(forced) || DevTarget.CLUSTER.equals(forced)) {
      return new DevTarget(forced, "--" + forced, null);
    }
    Choice kubeconfig = ws.kubeconfigChoice();
    if (kubeconfig.source() == Source.SANDBOX) {
      return new DevTarget(DevTarget.SANDBOX, "this workspace's sandbox is running (" + kubeconfig.path() + ")", null);
    }
    CheckResult docker = new DockerCheck().run(ws);
    CheckResult kind = new KindCheck().run(ws);
    if (docker.ok() && kind.ok()) {
      return new DevTarget(DevTarget.CLUSTER, docker.detail() + " and " + kind.detail(), null);
    }
    CheckResult missing = docker.ok() ? kind : docker;
    return new DevTarget(DevTarget.SANDBOX, "no real cluster possible here: " + missing.detail(), missing.fix());
  }
}
