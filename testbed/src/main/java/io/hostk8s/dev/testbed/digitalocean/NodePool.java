package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A DOKS node pool. Guarded by the {@link Account} lock. */
final class NodePool {

  final String id = UUID.randomUUID().toString();
  final String clusterId;
  final String size;
  String name;
  List<String> tags;
  JsonNode labels;
  JsonNode taints;
  boolean autoScale;
  int minNodes;
  int maxNodes;
  final List<Node> nodes = new ArrayList<>();

  NodePool(String clusterId, String name, String size, List<String> tags) {
    this.clusterId = clusterId;
    this.name = name;
    this.size = size;
    this.tags = tags;
  }

  int count() {
    return (int) nodes.stream().filter(n -> !"deleting".equals(n.state)).count();
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id).put("name", name).put("size", size).put("count", count());
    List<String> all = new ArrayList<>(tags);
    for (String auto : List.of("k8s", "k8s:" + clusterId, "k8s:worker")) {
      if (!all.contains(auto)) {
        all.add(auto);
      }
    }
    o.set("tags", Json.strings(all));
    o.set("labels", labels == null ? Json.MAPPER.nullNode() : labels);
    o.set("taints", taints == null ? Json.MAPPER.createArrayNode() : taints);
    o.put("auto_scale", autoScale).put("min_nodes", minNodes).put("max_nodes", maxNodes);
    o.set("nodes", Json.array(nodes.stream().map(Node::toJson).toList()));
    return o;
  }
}
