package io.hostk8s.intellij.core.tree;

import io.hostk8s.dev.protocol.cloud.CloudApp;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The tool window's Cloud node, from the snapshot's cloud section (what publish created on DigitalOcean). */
public final class CloudTree {
  public static final String PLAN = "hostk8s.publish.plan";

  private CloudTree() {}

  public static boolean isPublished(CloudStatus c) {
    return c != null && !"none".equals(c.state()) && !"deleted".equals(c.state());
  }

  public static String money(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }

  private static String join(String... parts) {
    return Stream.of(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining(" · "));
  }

  public static TreeNode node(CloudStatus c) {
    String kind = isPublished(c) ? "cloud-published" : "cloud";
    if (c == null || "none".equals(c.state())) {
      return new TreeNode("cloud", "Cloud", "DigitalOcean: nothing published", null, "cloud", null, null, kind, null, List.of(
          new TreeNode("cloud/plan", "Plan publish", "what it creates and costs", null, "plan", null, PLAN, null, null, List.of()),
          TreeNode.leaf("cloud/token", "Set DigitalOcean Token", "kept in IntelliJ's password safe", "key")));
    }
    List<TreeNode> children = new ArrayList<>();
    List<String> debugging = c.app() == null ? List.of() : c.app().debugging();
    for (int i = 0; i < debugging.size(); i++) { // a dev image or debugger in production must not be forgotten: first
      children.add(TreeNode.leaf("cloud/debug/" + i, "Debug mode", debugging.get(i), "warning"));
    }
    if (c.lastError() != null) {
      children.add(TreeNode.leaf("cloud/error", "Last error", c.lastError(), "warning"));
    }
    if (c.message() != null) {
      children.add(TreeNode.leaf("cloud/message", "DigitalOcean says", c.message(), "info"));
    }
    CloudApp app = c.app();
    if (app != null) {
      String https = Boolean.TRUE.equals(app.httpsOk()) ? "answers over HTTPS" : Boolean.FALSE.equals(app.httpsOk()) ? "HTTPS check failed" : null;
      children.add(new TreeNode("cloud/url", "App", join(app.url(), https), null,
          Boolean.FALSE.equals(app.httpsOk()) ? "warning" : "link", app.url(), null, null, null, List.of()));
      if (app.servicesTotal() != null) {
        int ready = app.servicesReady() == null ? 0 : app.servicesReady();
        children.add(TreeNode.leaf("cloud/services", "Services", ready + "/" + app.servicesTotal() + " ready",
            ready == app.servicesTotal() ? "pass" : "warning"));
      }
      if (app.loadBalancerIp() != null) {
        children.add(TreeNode.leaf("cloud/lb", "Load balancer", join(app.loadBalancerIp(), app.loadBalancerState()), "node"));
      }
      if (Boolean.FALSE.equals(app.dnsResolves())) {
        children.add(TreeNode.leaf("cloud/dns", "DNS", app.host() + " resolves elsewhere", "warning"));
      }
      if (Boolean.FALSE.equals(app.certificateReady())) {
        children.add(TreeNode.leaf("cloud/cert", "Certificate", "not issued yet", "warning"));
      }
    }
    if (c.nodesTotal() != null) {
      children.add(TreeNode.leaf("cloud/nodes", "Nodes", (c.nodesReady() == null ? 0 : c.nodesReady()) + "/" + c.nodesTotal() + " ready", "node"));
    }
    if (c.region() != null) {
      children.add(TreeNode.leaf("cloud/region", "Region", c.region(), "region"));
    }
    if (c.registry() != null) {
      String pull = Boolean.TRUE.equals(c.registryIntegrated()) ? "pull access"
          : Boolean.FALSE.equals(c.registryIntegrated()) ? "no pull access yet" : null;
      children.add(TreeNode.leaf("cloud/registry", "Registry", join(c.registry(), pull), "registry"));
    }
    if (c.monthlyUsd() != null) {
      children.add(TreeNode.leaf("cloud/cost", "Cost", money(c.monthlyUsd()) + "/month (estimate)", "cost"));
    }
    if (c.kubeconfig() != null) {
      children.add(TreeNode.leaf("cloud/kubeconfig", "Kubeconfig", c.kubeconfig(), "file"));
    }
    String tooltip = join(c.lastError() != null ? "Last error: " + c.lastError() : null, c.updatedAt() != null ? "As of " + c.updatedAt() : null);
    String icon = !debugging.isEmpty() ? "warning" : switch (c.state()) {
      case "provisioning", "deleting" -> "busy";
      case "running" -> "pass";
      case "degraded" -> "warning";
      case "error" -> "error";
      default -> "cloud";
    };
    return new TreeNode("cloud", "Cloud", "DigitalOcean " + (c.cluster() == null ? "DigitalOcean" : c.cluster()) + ": " + c.state()
        + (debugging.isEmpty() ? "" : " · DEBUG MODE"),
        tooltip.isEmpty() ? null : tooltip.replace(" · ", "\n"), icon, null, null, kind, null, children);
  }
}
