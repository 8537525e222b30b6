package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.ClusterStatus;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The cluster state rules. {@code running}: the API answers, every node is Ready and — when the cluster advertises
 * a local registry (KEP-1755 ConfigMap) — that registry answers {@code /v2/}. {@code degraded}: the API answers but
 * one of those fails (reason says which). {@code stopped}: no kubeconfig or the API does not answer.
 * {@code starting}: a cluster start is in progress and the cluster is not running yet.
 */
public final class ClusterStates {
  private ClusterStates() {}

  public static ClusterStatus starting(ClusterStatus c, String reason) {
    return new ClusterStatus("starting", c.name(), c.context(), c.server(), c.kubeconfig(), c.nodesReady(), c.nodesTotal(), reason);
  }

  public static ClusterStatus stopped(String name, String kubeconfig, String reason) {
    return new ClusterStatus("stopped", name, null, null, kubeconfig, 0, 0, reason);
  }

  /** From the nodes and the registry problem (null: fine or not advertised). */
  public static ClusterStatus fromNodes(String name, String context, String server, String kubeconfig, List<Node> nodes, String registryProblem) {
    int ready = (int) nodes.stream().filter(ClusterStates::nodeReady).count();
    String reason = nodes.isEmpty() ? "no nodes" : ready < nodes.size() ? (nodes.size() - ready) + " of " + nodes.size() + " node(s) not ready" : registryProblem;
    return new ClusterStatus(reason == null ? "running" : "degraded", name, context, server, kubeconfig, ready, nodes.size(), reason);
  }

  /** Keeps {@code starting} while a start is in progress and the cluster is not running yet. */
  public static ClusterStatus whileBusy(String busy, ClusterStatus computed) {
    if (ClusterService.BUSY_START.equals(busy) && !"running".equals(computed.state())) {
      return starting(computed, "cluster start in progress" + (computed.reason() == null ? "" : " (" + computed.reason() + ")"));
    }
    return computed;
  }

  public static boolean nodeReady(Node n) {
    return n.getStatus() != null && n.getStatus().getConditions() != null
        && n.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Null when no registry is advertised or it answers; else why not (doctor's RegistryCheck on registry.push). */
  public static String registryProblem(KubernetesClient client, Workspace ws) {
    Optional<String> advertised;
    try {
      advertised = RegistryHosting.read(client);
    } catch (RuntimeException e) {
      return null;
    }
    if (advertised.isEmpty()) {
      return null;
    }
    CheckResult r = new RegistryCheck().run(ws);
    return r.ok() ? null : "registry not reachable: " + r.detail();
  }

  /** A running status re-checked for the registry (one-shot, for {@code cluster status}). */
  public static ClusterStatus withRegistry(ClusterStatus c, Workspace ws) {
    if (!"running".equals(c.state()) || !Files.isRegularFile(ws.kubeconfig())) {
      return c;
    }
    try (KubernetesClient client = KubeClients.quickClient(ws.kubeconfig())) {
      String problem = registryProblem(client, ws);
      return problem == null ? c : new ClusterStatus("degraded", c.name(), c.context(), c.server(), c.kubeconfig(), c.nodesReady(), c.nodesTotal(), problem);
    } catch (RuntimeException e) {
      return c;
    }
  }
}
