package io.hostk8s.dev.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.config.RunningSandbox;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kubeconfig in effect exists, parses, and its API server answers; says where it came from. The sandbox needs
 * it only once it runs ({@code up --sandbox} starts it).
 */
public final class KubeconfigCheck implements Check {
  @Override
  public String name() {
    return "kubeconfig";
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return target.sandbox() && workspace.kubeconfigChoice().source() != Source.SANDBOX
        ? "not needed yet: the sandbox is not running (`hostk8s-dev up --sandbox` starts it)" : null;
  }

  @Override
  public CheckResult run(Workspace workspace) {
    Choice choice = workspace.kubeconfigChoice();
    Path kc = choice.path();
    String origin = KubeconfigFixes.origin(choice) + hiddenSandbox(workspace, choice);
    if (!Files.isRegularFile(kc)) {
      return CheckResult.missing(name(), true, "no kubeconfig at " + kc + " (" + origin + ")",
          String.join(" ", KubeconfigFixes.fixes(workspace)));
    }
    try (KubernetesClient client = KubeClients.quickClient(kc)) {
      String version = version(client.getKubernetesVersion());
      return CheckResult.ok(name(), kc + " → " + client.getConfiguration().getMasterUrl() + " ("
          + (version == null ? "" : "Kubernetes " + version + ", ") + origin + ")");
    } catch (HostK8sException e) {
      return CheckResult.missing(name(), true, e.getMessage(), e.suggestions().isEmpty() ? null : e.suggestions().get(0));
    } catch (RuntimeException e) {
      return CheckResult.missing(name(), true, kc + " (" + origin + ") is readable but the API server does not answer: " + e.getMessage(),
          choice.source() == Source.SANDBOX ? "Restart the sandbox: `hostk8s-dev sandbox down`, then `hostk8s-dev up --sandbox`."
              : "Start the cluster (`make start` in HostK8s, or `hostk8s-dev up`) or check the kubeconfig's server address.");
    }
  }

  /** The server's version: gitVersion, else major.minor; null when it reports none (the sandbox's stand-in API). */
  static String version(VersionInfo v) {
    if (v == null) {
      return null;
    }
    if (v.getGitVersion() != null && !v.getGitVersion().isBlank()) {
      return v.getGitVersion();
    }
    String mm = v.getMajor() + "." + v.getMinor();
    return v.getMajor() == null || v.getMajor().isBlank() || mm.equals("0.0") ? null : mm;
  }

  private static String hiddenSandbox(Workspace ws, Choice choice) {
    return choice.source() != Source.SANDBOX && choice.source().perInvocation() && RunningSandbox.kubeconfig(ws.root()).isPresent()
        ? "; this workspace's sandbox also runs — leave it out to use the sandbox" : "";
  }
}
