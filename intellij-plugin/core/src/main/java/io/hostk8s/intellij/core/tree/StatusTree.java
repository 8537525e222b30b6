package io.hostk8s.intellij.core.tree;

import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.intellij.core.status.StatusText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The tool window's rows (cluster, services with pods, readiness, sync, forwards, debug sessions; cloud), as VS Code's view. */
public final class StatusTree {
  private StatusTree() {}

  /** Cluster, services, and Cloud when the server offers publishing ({@code offered}) or has a cloud section. */
  public static List<TreeNode> build(StatusSnapshot s, Predicate<String> offered) {
    if (s == null || s.cluster() == null) {
      return List.of();
    }
    List<TreeNode> roots = new ArrayList<>();
    roots.add(cluster(s));
    List<TreeNode> services = s.services().stream().map(x -> service(s, x)).toList();
    roots.add(new TreeNode("services", "Services", StatusText.readyCount(s) + "/" + s.services().size() + " ready",
        null, "layers", null, null, null, null, services));
    if (s.cloud() != null || offered.test("hostk8s.publish.plan")) {
      roots.add(CloudTree.node(s.cloud()));
    }
    return roots;
  }

  static TreeNode cluster(StatusSnapshot s) {
    ClusterStatus c = s.cluster();
    List<TreeNode> children = new ArrayList<>();
    if (c.nodesTotal() > 0) {
      children.add(TreeNode.leaf("cluster/nodes", "Nodes", c.nodesReady() + "/" + c.nodesTotal() + " ready", "node"));
    }
    if (c.context() != null) {
      children.add(TreeNode.leaf("cluster/context", "Context", c.context(), "info"));
    }
    if (c.server() != null) {
      children.add(TreeNode.leaf("cluster/server", "API server", c.server(), "link"));
    }
    if (c.kubeconfig() != null) {
      children.add(TreeNode.leaf("cluster/kubeconfig", "Kubeconfig", c.kubeconfig(), "file"));
    }
    if (c.reason() != null) {
      children.add(TreeNode.leaf("cluster/reason", "Reason", c.reason(), "info"));
    }
    if (s.engine() != null) {
      children.add(TreeNode.leaf("cluster/engine", "Engine",
          s.engine().mode() + (s.engine().pid() > 0 ? " (pid " + s.engine().pid() + ")" : ""), "info"));
    }
    boolean busy = s.busy() != null && !s.busy().isBlank();
    String icon = busy ? "busy" : switch (c.state()) {
      case "running" -> "pass";
      case "degraded" -> "warning";
      case "stopped" -> "stopped";
      default -> "unknown";
    };
    String label = ("Cluster " + (c.name() == null ? "" : c.name())).trim();
    return new TreeNode("cluster", label, busy ? c.state() + " · " + s.busy() : c.state(), c.reason(), icon, null, null,
        null, null, children);
  }

  static TreeNode service(StatusSnapshot s, ServiceStatus svc) {
    String id = "service/" + svc.name();
    boolean dev = svc.isDev();
    boolean ready = StatusText.ready(svc);
    List<TreeNode> children = new ArrayList<>();
    children.add(TreeNode.leaf(id + "/ready", "Ready", svc.ready() + "/" + svc.total(), ready ? "pass" : "unknown"));
    if (svc.reason() != null) {
      children.add(TreeNode.leaf(id + "/reason", "Reason", svc.reason(), "warning"));
    }
    for (String pod : svc.pods()) {
      children.add(new TreeNode(id + "/pod/" + pod, pod, "pod", null, "pod", null, null, "pod", svc.name(), List.of()));
    }
    if (svc.sync() != null && dev) {
      var y = svc.sync();
      String lat = y.lastLatencyMs() != null ? " · last " + y.lastLatencyMs() + " ms" : "";
      String p95 = y.p95Ms() != null ? " · p95 " + y.p95Ms() + " ms" : "";
      children.add(TreeNode.leaf(id + "/sync", "Sync", y.state() + lat + p95, "sync"));
    }
    String http = null;
    for (ForwardStatus f : s.forwards()) {
      if (!f.service().equals(svc.name())) {
        continue;
      }
      String name = f.name() != null ? f.name() : Integer.toString(f.remotePort());
      String local = f.url() != null ? f.url() : "127.0.0.1:" + f.localPort();
      boolean open = f.url() != null && "active".equals(f.state());
      if (open && http == null) {
        http = f.url();
      }
      children.add(new TreeNode(id + "/forward/" + name, "Forward " + name, local + " → " + f.remotePort() + " (" + f.state() + ")",
          null, f.url() != null ? "link" : "plug", open ? f.url() : null, null, null, null, List.of()));
    }
    for (DebugSessionStatus d : s.debugSessions()) {
      if (d.service().equals(svc.name())) {
        children.add(TreeNode.leaf(id + "/debug/" + d.id(), ("Debug " + (d.runtime() == null ? "" : d.runtime())).trim(),
            d.state(), "debug"));
      }
    }
    String state = svc.total() > 0 ? svc.ready() + "/" + svc.total() + " ready" : svc.reason() != null ? svc.reason() : "not deployed";
    String tooltip = dev ? svc.reason() : (svc.reason() == null ? "" : svc.reason() + "\n") + "From the manifests (not a service of hostk8s.dev.yaml)";
    String icon = ready ? "pass" : svc.total() > 0 ? "busy" : "unknown";
    return new TreeNode(id, svc.name(), dev ? state : state + " · manifests", tooltip, icon, http, null,
        dev ? "service" : "service-manifests", svc.name(), children);
  }
}
