package io.hostk8s.dev.testbed.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) and strategic-merge patch on top of the CRUD mock:
 * read the live object, create it when missing (apply only), else merge and PUT it back.
 */
final class ServerSideApply {

  private final Dispatcher crud;

  ServerSideApply(Dispatcher crud) {
    this.crud = crud;
  }

  static boolean handles(RecordedRequest req) {
    String type = req.getHeader("Content-Type");
    return "PATCH".equalsIgnoreCase(req.getMethod()) && type != null
        && (type.startsWith("application/apply-patch") || type.startsWith("application/strategic-merge-patch"));
  }

  @SuppressWarnings("unchecked")
  MockResponse handle(RecordedRequest req) {
    boolean apply = req.getHeader("Content-Type").startsWith("application/apply-patch");
    String path = URI.create(req.getPath()).getRawPath();
    Map<String, Object> patch;
    try {
      patch = Serialization.yamlMapper().readValue(req.getUtf8Body(), Map.class);
    } catch (RuntimeException e) {
      return status(400, "BadRequest", "cannot parse patch body: " + e.getMessage());
    }
    MockResponse live = crud.dispatch(request(HttpMethod.GET, path, null));
    if (live.code() == 404) {
      if (!apply) {
        return live;
      }
      String collection = path.substring(0, path.lastIndexOf('/'));
      Map<String, Object> meta = (Map<String, Object>) patch.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
      meta.putIfAbsent("name", path.substring(path.lastIndexOf('/') + 1));
      return crud.dispatch(request(HttpMethod.POST, collection, Serialization.asJson(patch)));
    }
    if (live.code() != 200) {
      return live;
    }
    Map<String, Object> current = Serialization.jsonMapper().readValue(live.getBody().readUtf8(), Map.class);
    Map<String, Object> merged = apply ? JsonMerge.apply(current, patch) : JsonMerge.strategic(current, patch);
    Map<String, Object> meta = (Map<String, Object>) merged.get("metadata");
    meta.put("resourceVersion", ((Map<String, Object>) current.get("metadata")).get("resourceVersion"));
    return crud.dispatch(request(HttpMethod.PUT, path, Serialization.asJson(merged)));
  }

  private static RecordedRequest request(HttpMethod method, String path, String json) {
    Headers.Builder h = Headers.builder();
    Buffer body = new Buffer();
    if (json != null) {
      h.add("Content-Type", "application/json");
      body.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return new RecordedRequest("HTTP/1.1", method, path, h.build(), body);
  }

  static MockResponse status(int code, String reason, String message) {
    String json = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
        + Serialization.asJson(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(json);
  }
}
