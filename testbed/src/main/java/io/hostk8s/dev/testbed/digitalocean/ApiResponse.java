package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer: status, body bytes (empty for 204), content type and extra headers. */
record ApiResponse(int status, byte[] body, String contentType, Map<String, String> headers) {

  static ApiResponse json(int status, JsonNode body) {
    try {
      return new ApiResponse(status, Json.MAPPER.writeValueAsBytes(body), "application/json; charset=utf-8",
          new LinkedHashMap<>());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiResponse ok(JsonNode body) {
    return json(200, body);
  }

  static ApiResponse created(JsonNode body) {
    return json(201, body);
  }

  static ApiResponse accepted(JsonNode body) {
    return json(202, body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, new byte[0], null, new LinkedHashMap<>());
  }

  static ApiResponse text(int status, String contentType, String text) {
    return new ApiResponse(status, text.getBytes(StandardCharsets.UTF_8), contentType, new LinkedHashMap<>());
  }

  ApiResponse withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
