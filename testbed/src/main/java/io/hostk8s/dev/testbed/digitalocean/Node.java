package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** A worker node of a node pool (a Droplet in DigitalOcean). Guarded by the {@link Account} lock. */
final class Node {

  final String id = UUID.randomUUID().toString();
  final String name;
  final long dropletId;
  final Instant createdAt = Instant.now();
  String state = "provisioning";
  Instant updatedAt = createdAt;

  Node(String name, long dropletId) {
    this.name = name;
    this.dropletId = dropletId;
  }

  void setState(String s) {
    state = s;
    updatedAt = Instant.now();
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id).put("name", name);
    o.set("status", Json.object().put("state", state));
    return o.put("droplet_id", String.valueOf(dropletId)).put("created_at", Json.time(createdAt))
        .put("updated_at", Json.time(updatedAt));
  }
}
