package io.hostk8s.dev.core;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds fabric8 clients from an explicit kubeconfig file (never from ~/.kube/config implicitly). */
public final class KubeClients {
  private KubeClients() {}

  /** Reads {@code kubeconfig}; fails with KUBECONFIG_MISSING and the fix when it does not exist. */
  public static Config config(Path kubeconfig, int connectTimeoutMs, int requestTimeoutMs) {
    if (kubeconfig == null || !Files.isRegularFile(kubeconfig)) {
      throw HostK8sException.user(ErrorCode.KUBECONFIG_MISSING,
          "No kubeconfig at " + kubeconfig + ".",
          "Start a cluster: `hostk8s-dev up --sandbox` (no Docker needed), `make start` in HostK8s or `hostk8s-dev up`; "
              + "or pass --kubeconfig / set KUBECONFIG.");
    }
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      config.setConnectionTimeout(connectTimeoutMs);
      config.setRequestTimeout(requestTimeoutMs);
      config.setRequestRetryBackoffLimit(0);
      return config;
    } catch (IOException | RuntimeException e) {
      throw HostK8sException.user(ErrorCode.KUBECONFIG_MISSING,
          "The kubeconfig at " + kubeconfig + " cannot be read: " + e.getMessage(),
          "Check the file (kubectl --kubeconfig " + kubeconfig + " config view) or recreate the cluster.");
    }
  }

  public static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A client with short timeouts, for probes that must answer quickly. */
  public static KubernetesClient quickClient(Path kubeconfig) {
    return client(config(kubeconfig, 2000, 4000));
  }
}
