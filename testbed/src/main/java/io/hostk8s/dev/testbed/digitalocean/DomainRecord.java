package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A DNS record; {@code name} is relative to its zone ({@code @} for the apex). Guarded by the {@link Account} lock. */
final class DomainRecord {

  final int id;
  String type;
  String name;
  String data;
  int ttl = Domain.DEFAULT_TTL;
  Integer priority;
  Integer port;
  Integer weight;
  Integer flags;
  String tag;

  DomainRecord(int id, String type, String name, String data) {
    this.id = id;
    this.type = type;
    this.name = name;
    this.data = data;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id).put("type", type).put("name", name).put("data", data)
        .put("priority", priority).put("port", port).put("ttl", ttl).put("weight", weight).put("flags", flags)
        .put("tag", tag);
    return o;
  }
}
