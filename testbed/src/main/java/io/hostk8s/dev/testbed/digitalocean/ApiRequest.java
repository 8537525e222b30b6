package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as the handlers see it.
 *
 * @param method the HTTP method, upper case
 * @param path the path without query
 * @param query the decoded query parameters (last one wins)
 * @param body the JSON body, an empty object when there is none
 * @param origin {@code scheme://host[:port]} as the client addressed us (for absolute links)
 * @param params the path template's parameters
 */
record ApiRequest(String method, String path, Map<String, String> query, JsonNode body, String origin,
    Map<String, String> params) {

  String param(String name) {
    return params.get(name);
  }

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }

  ApiRequest withParams(Map<String, String> p) {
    return new ApiRequest(method, path, query, body, origin, p);
  }
}
