package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the cluster once (nodes, then pods per configured service) and turns it into status records. */
public final class ClusterProbe {
  public record Result(ClusterStatus cluster, List<ServiceStatus> services) {}

  private ClusterProbe() {}

  /** Reads the cluster once and folds the result into the engine's status (used until watches take over). */
  public static StatusSnapshot refresh(EngineServices engine) {
    Workspace ws = engine.workspace();
    Result r = probe(ws.config().config(), ws.kubeconfig());
    return engine.status().update(s -> s.withCluster(r.cluster()).withServices(keepSync(r.services(), s.services())));
  }

  /** The fresh readiness with each service's sync state carried over (a probe knows nothing about sync). */
  private static List<ServiceStatus> keepSync(List<ServiceStatus> fresh, List<ServiceStatus> before) {
    return fresh.stream().map(f -> before.stream().filter(b -> b.name().equals(f.name())).findFirst()
        .map(b -> f.withSync(b.sync())).orElse(f)).toList();
  }

  public static Result probe(DevConfig config, Path kubeconfig) {
    String name = config.cluster().name();
    String kc = String.valueOf(kubeconfig);
    if (kubeconfig == null || !Files.isRegularFile(kubeconfig)) {
      return new Result(new ClusterStatus("stopped", name, null, null, kc, 0, 0, "no kubeconfig at " + kc), notDeployed(config, "cluster not running"));
    }
    try (KubernetesClient client = KubeClients.quickClient(kubeconfig)) {
      String context = client.getConfiguration().getCurrentContext() == null ? null : client.getConfiguration().getCurrentContext().getName();
      String server = client.getConfiguration().getMasterUrl();
      List<Node> nodes;
      try {
        nodes = client.nodes().list().getItems();
      } catch (RuntimeException e) {
        return new Result(new ClusterStatus("stopped", name, context, server, kc, 0, 0, "API server not reachable: " + rootMessage(e)),
            notDeployed(config, "cluster not reachable"));
      }
      int ready = (int) nodes.stream().filter(ClusterProbe::nodeReady).count();
      String state = ready == nodes.size() && ready > 0 ? "running" : "degraded";
      String reason = "running".equals(state) ? null : (nodes.isEmpty() ? "no nodes" : (nodes.size() - ready) + " node(s) not ready");
      ClusterStatus cluster = new ClusterStatus(state, name, context, server, kc, ready, nodes.size(), reason);
      return new Result(cluster, services(client, config));
    } catch (HostK8sException e) {
      return new Result(new ClusterStatus("stopped", name, null, null, kc, 0, 0, e.getMessage()), notDeployed(config, e.getMessage()));
    }
  }

  private static List<ServiceStatus> services(KubernetesClient client, DevConfig config) {
    List<Pod> pods = client.pods().inNamespace(config.namespace()).list().getItems();
    return ServiceMetricsReader.attach(ServiceReadiness.compute(config, pods, List.of()),
        ServiceMetricsReader.read(client, config.namespace()));
  }

  private static List<ServiceStatus> notDeployed(DevConfig config, String reason) {
    return ServiceReadiness.unavailable(config, reason, List.of());
  }

  private static boolean nodeReady(Node n) {
    return n.getStatus() != null && n.getStatus().getConditions() != null
        && n.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }
}
