package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test controls outside {@code /v2}: {@code POST /_standin/faults} arms a {@link Fault} (JSON
 * {@code {method, pathRegex, status, times, retryAfterSeconds?, id?, message?}}), {@code DELETE} disarms all;
 * {@code GET /_standin/requests} the request counts per method + path template, {@code DELETE} resets them.
 * Nothing here reads the account's state.
 */
final class ControlRoutes {

  private final Faults faults;
  private final RequestCounts counts;

  ControlRoutes(Faults faults, RequestCounts counts) {
    this.faults = faults;
    this.counts = counts;
  }

  void register(Router r) {
    r.add("POST", "/_standin/faults", req -> {
      faults.add(parse(req.body()));
      return ApiResponse.noContent();
    }).add("DELETE", "/_standin/faults", req -> {
      faults.clear();
      return ApiResponse.noContent();
    }).add("GET", "/_standin/requests", req -> {
      ObjectNode byRoute = Json.object();
      counts.snapshot().forEach(byRoute::put);
      ObjectNode o = Json.object().put("total", counts.total());
      o.set("requests", byRoute);
      return ApiResponse.ok(o);
    }).add("DELETE", "/_standin/requests", req -> {
      counts.reset();
      return ApiResponse.noContent();
    });
  }

  private static Fault parse(JsonNode b) {
    try {
      return new Fault(Json.text(b, "method", "*"), Json.requiredText(b, "pathRegex"),
          b.path("status").asInt(0), b.path("times").asInt(1),
          b.hasNonNull("retryAfterSeconds") ? b.get("retryAfterSeconds").asInt() : null,
          Json.text(b, "id", null), Json.text(b, "message", null));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
