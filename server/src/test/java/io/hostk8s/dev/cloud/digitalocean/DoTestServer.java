package io.hostk8s.dev.cloud.digitalocean;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A MockWebServer playing DigitalOcean, with a client configured against it (recording sleeper, fast timeouts). */
final class DoTestServer implements AutoCloseable {
  static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  DoTestServer() throws IOException {
    server.start();
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  DoApiConfig config() {
    return new DoApiConfig(baseUrl(), () -> Optional.of(TOKEN), Duration.ofSeconds(2), Duration.ofMillis(500), 5,
        sleeper);
  }

  DoApi api() {
    return new DoApi(config());
  }

  void enqueue(int code, String json, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(json == null ? "" : json);
    if (json != null) {
      b.addHeader("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(b.build());
  }

  static String error(String id, String message, String requestId) {
    return "{\"id\":\"" + id + "\",\"message\":\"" + message + "\",\"request_id\":\"" + requestId + "\"}";
  }

  @Override
  public void close() {
    server.close();
  }
}
