package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A DOCR registry and its repositories. Guarded by the {@link Account} lock. */
final class Registry {

  /** A manifest in a repository, with the tags that point at it. */
  record Manifest(String digest, long sizeBytes, Instant updatedAt, java.util.List<String> tags) {
  }

  final String name;
  final String region;
  final Instant createdAt = Instant.now();
  /** repository name → digest → manifest. */
  final Map<String, Map<String, Manifest>> repositories = new LinkedHashMap<>();

  Registry(String name, String region) {
    this.name = name;
    this.region = region;
  }

  long storageBytes() {
    return repositories.values().stream().flatMap(m -> m.values().stream()).mapToLong(Manifest::sizeBytes).sum();
  }

  ObjectNode toJson(ObjectNode subscription) {
    ObjectNode o = Json.object().put("name", name).put("created_at", Json.time(createdAt)).put("region", region)
        .put("storage_usage_bytes", storageBytes()).put("storage_usage_bytes_updated_at", Json.time(Instant.now()));
    o.set("subscription", subscription);
    return o;
  }
}
