package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A Monitoring alert policy ({@code /v2/monitoring/alerts}): what the person asked for, kept as sent (the spec's
 * {@code alert_policy_request}) with its uuid. Guarded by the {@link Account} lock.
 */
final class AlertPolicy {
  final String uuid = UUID.randomUUID().toString();
  ObjectNode fields;

  AlertPolicy(JsonNode request) {
    update(request);
  }

  void update(JsonNode request) {
    ObjectNode f = Json.object();
    for (String key : new String[] {"type", "description", "compare", "value", "window", "entities", "tags", "alerts",
        "enabled"}) {
      if (!request.has(key)) {
        throw ApiException.badRequest(key + " is required");
      }
      f.set(key, request.get(key));
    }
    fields = f;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("uuid", uuid);
    o.setAll(fields);
    return o;
  }
}
