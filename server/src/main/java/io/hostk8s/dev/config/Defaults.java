package io.hostk8s.dev.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zero-config defaults: the HostK8s sample-app (voting app) layout. */
public final class Defaults {
  private Defaults() {}

  public static DevConfig votingApp() {
    Map<String, ServiceConfig> services = new LinkedHashMap<>();
    services.put("vote", new ServiceConfig("voting-app/vote", "Dockerfile.dev", "hostk8s-vote", Map.of("app", "vote"), "vote",
        List.of(new SyncRule(".", "/usr/local/app", List.of("__pycache__/", "*.pyc"))), new DebugConfig("python", 5678, null, "/usr/local/app"), null,
        LocalRunConfig.vote()));
    services.put("worker", new ServiceConfig("voting-app/worker", "Dockerfile", "hostk8s-worker", Map.of("app", "worker"), "worker",
        List.of(), new DebugConfig("java", 5005, null, null)));
    services.put("result", new ServiceConfig("voting-app/result", "Dockerfile.dev", "hostk8s-result", Map.of("app", "result"), "result",
        List.of(new SyncRule(".", "/usr/local/app", List.of("node_modules/"))), null));
    return new DevConfig(new ClusterConfig("hostk8s", "data/kubeconfig/config"), new RegistryConfig("localhost:5002", "localhost:5000"),
        "sample-app", services, new DeployConfig("voting-app/k8s/local"), new CloudConfig(null));
  }
}
