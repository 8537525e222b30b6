package io.hostk8s.dev.doctor;

import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.engine.Workspace;

/**
 * Which cluster {@code make dev} ({@code hostk8s-dev dev}) targets and why — the decision {@code doctor} evaluates too:
 * a forced target ({@code --sandbox}, doctor's {@code --cluster}) wins; else this workspace's running sandbox when it
 * is the kubeconfig in effect; else the real cluster when a Docker daemon answers and kind is installed; else the
 * sandbox test bed (pods as local processes, no Docker needed). {@code fix}: what a real cluster still needs.
 */
public record DevTarget(String name, String reason, String fix) {
  public static final String CLUSTER = "cluster";
  public static final String SANDBOX = "sandbox";

  public boolean sandbox() {
    return SANDBOX.equals(name);
  }

  /** "the sandbox" / "a real cluster", for messages. */
  public String label() {
    return sandbox() ? "the sandbox" : "a real cluster";
  }

  /** Decides for {@code ws}; {@code forced} ({@link #CLUSTER}, {@link #SANDBOX} or null) comes from a command-line flag. */
  public static DevTarget choose(Workspace ws, String forced) {
    if (SANDBOX.equals(forced) || CLUSTER.equals(forced)) {
      return new DevTarget(forced, "--" + forced, null);
    }
    Choice kubeconfig = ws.kubeconfigChoice();
    if (kubeconfig.source() == Source.SANDBOX) {
      return new DevTarget(SANDBOX, "this workspace's sandbox is running (" + kubeconfig.path() + ")", null);
    }
    CheckResult docker = new DockerCheck().run(ws);
    CheckResult kind = new KindCheck().run(ws);
    if (docker.ok() && kind.ok()) {
      return new DevTarget(CLUSTER, docker.detail() + " and " + kind.detail(), null);
    }
    CheckResult missing = docker.ok() ? kind : docker;
    return new DevTarget(SANDBOX, "no real cluster possible here: " + missing.detail(), missing.fix());
  }
}
