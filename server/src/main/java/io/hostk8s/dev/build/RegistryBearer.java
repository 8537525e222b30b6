package io.hostk8s.dev.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry token flow (Docker Registry v2 "token authentication", which DOCR uses): a 401 with
 * {@code WWW-Authenticate: Bearer realm="…",service="…",scope="…"} is answered by asking the realm for a token
 * with Basic credentials, then repeating the request with {@code Authorization: Bearer <token>}. Registries that
 * answer {@code Basic realm=…} (htpasswd) take the Basic credentials directly.
 */
final class RegistryBearer {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryBearer() {}

  /** The challenge's parameters when it is a Bearer challenge with a realm. */
  static Optional<Map<String, String>> challenge(String wwwAuthenticate) {
    if (wwwAuthenticate == null || !wwwAuthenticate.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(wwwAuthenticate.substring(7));
    while (m.find()) {
      params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
    }
    return params.containsKey("realm") ? Optional.of(params) : Optional.empty();
  }

  /** A token from the realm for the challenge's service and scope, or empty when the realm refuses. */
  static Optional<String> token(HttpClient http, Map<String, String> challenge, String basicAuthorization)
      throws IOException, InterruptedException {
    StringBuilder url = new StringBuilder(challenge.get("realm"));
    char sep = url.indexOf("?") < 0 ? '?' : '&';
    for (String key : new String[] {"service", "scope"}) {
      if (challenge.containsKey(key)) {
        url.append(sep).append(key).append('=').append(URLEncoder.encode(challenge.get(key), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url.toString()))
        .header("Authorization", basicAuthorization).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      return Optional.empty();
    }
    JsonNode body = JSON.readTree(r.body());
    String token = body.path("token").asText(body.path("access_token").asText(""));
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
