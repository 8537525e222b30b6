package io.hostk8s.intellij.core.tree;

import java.util.List;

/**
 * One row of the HostK8s tool window.
 *
 * @param icon    an icon key the plugin maps to an IntelliJ icon: pass, warning, error, busy, stopped, unknown, pod,
 *                sync, link, plug, debug, cloud, info, file, node, key, plan, cost, region, registry, layers
 * @param url     opened on double-click: only a forward whose URL the server gave (never a debugger's port)
 * @param command a server command id a double-click runs (the Cloud node's "Plan publish"), or null
 * @param kind    service | pod | cloud | cloud-published | null: which context actions the row offers
 * @param service the service the row's actions act on, or null
 */
public record TreeNode(String id, String label, String description, String tooltip, String icon, String url,
    String command, String kind, String service, List<TreeNode> children) {
  public TreeNode {
    children = children == null ? List.of() : List.copyOf(children);
  }

  static TreeNode leaf(String id, String label, String description, String icon) {
    return new TreeNode(id, label, description, null, icon, null, null, null, null, List.of());
  }

  /** The tree's text for a row: "label — description". */
  public String text() {
    return description == null || description.isEmpty() ? label : label + " — " + description;
  }
}
