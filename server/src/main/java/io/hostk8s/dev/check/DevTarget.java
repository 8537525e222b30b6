package io.hostk8s.dev.check;

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
}
