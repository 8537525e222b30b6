package io.hostk8s.dev.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cluster.KubeClients;
import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig exists, parses, and its API server answers. */
public final class KubeconfigCheck implements Check {
  @Override
  public String name() {
    return "kubeconfig";
  }

  @Override
  public CheckResult run(Workspace workspace) {
    Path kc = workspace.kubeconfig();
    if (kc == null || !Files.isRegularFile(kc)) {
      return CheckResult.missing(name(), true, "no kubeconfig at " + kc,
          "Start the cluster (`make start` in HostK8s or `hostk8s-dev sandbox up`), "
              + "or pass --kubeconfig / set KUBECONFIG.");
    }
    try (KubernetesClient client = KubeClients.quickClient(kc)) {
      String version = client.getKubernetesVersion().getGitVersion();
      return CheckResult.ok(name(), kc + " → " + client.getConfiguration().getMasterUrl() + " (Kubernetes " + version + ")");
    } catch (HostK8sException e) {
      return CheckResult.missing(name(), true, e.getMessage(), e.suggestions().isEmpty() ? null : e.suggestions().get(0));
    } catch (RuntimeException e) {
      return CheckResult.missing(name(), true, kc + " is readable but the API server does not answer: " + e.getMessage(),
          "Start the cluster (`make start` in HostK8s, or `hostk8s-dev sandbox up`) or check the kubeconfig's server address.");
    }
  }
}
