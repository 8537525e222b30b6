package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A block storage volume a cluster's CSI driver made. Guarded by the {@link Account} lock. */
final class Volume {

  final String id = UUID.randomUUID().toString();
  final String clusterId;
  final String name;
  final String region;
  final int sizeGigabytes;
  final Instant createdAt = Instant.now();
  List<Long> dropletIds = List.of();

  Volume(String clusterId, String name, String region, int sizeGigabytes) {
    this.clusterId = clusterId;
    this.name = name;
    this.region = region;
    this.sizeGigabytes = sizeGigabytes;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("id", id);
    com.fasterxml.jackson.databind.node.ArrayNode droplets = o.putArray("droplet_ids");
    dropletIds.forEach(droplets::add);
    o.put("name", name).put("description", "").put("size_gigabytes", sizeGigabytes)
        .put("created_at", Json.time(createdAt));
    o.set("tags", Json.strings(List.of("k8s:" + clusterId)));
    o.set("region", Catalog.regionJson(Catalog.region(region).orElseThrow()));
    return o.put("filesystem_type", "ext4").put("filesystem_label", "");
  }
}
