package io.hostk8s.dev.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the engine's Kubernetes client comes from: how to open one for a kubeconfig, and the error (with the fixes
 * that work from here) when the kubeconfig in effect does not exist. The engine layer supplies the full version
 * ({@code Engines.kubeSource()}, whose fixes know about the sandbox and HostK8s); the bottom layer knows neither.
 */
public record KubeSource(Function<Path, KubernetesClient> opener, Function<Workspace, HostK8sException> whenMissing) {
  /** A client with the engine's timeouts (5 s connect, 30 s request) and a plain "missing" error. */
  public static KubeSource direct() {
    return new KubeSource(KubeSource::standardClient, ws -> HostK8sException.user(ErrorCode.KUBECONFIG_MISSING,
        "No kubeconfig at " + ws.kubeconfig() + ".", "Start a cluster, or point --kubeconfig at one."));
  }

  public static KubernetesClient standardClient(Path kubeconfig) {
    return KubeClients.client(KubeClients.config(kubeconfig, 5_000, 30_000));
  }

  public KubernetesClient open(Path kubeconfig) {
    return opener.apply(kubeconfig);
  }

  public HostK8sException missing(Workspace ws) {
    return whenMissing.apply(ws);
  }
}
