package io.hostk8s.dev.testbed.prism;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The contract harness itself: Prism mocks DigitalOcean's spec, and its proxy rejects what breaks the spec. */
class PrismTest {

  private static final String TOKEN = "Bearer dop_v1_prismtest0000";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void mockAnswersFromTheOfficialSpecsExamples() throws Exception {
    try (Prism prism = Prism.mock()) {
      HttpResponse<String> r = get(prism.baseUrl() + "/v2/account");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"droplet_limit\":25");
    }
  }

  @Test
  void proxyPassesAValidAnswerAndRejectsOneThatBreaksTheContract() throws Exception {
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v2/account", ex -> answer(ex, "{\"account\":{\"droplet_limit\":25,\"floating_ip_limit\":5,"
        + "\"email\":\"a@b.c\",\"uuid\":\"u1\",\"email_verified\":true,\"status\":\"active\",\"status_message\":\"\"}}"));
    fake.createContext("/v2/sizes", ex -> answer(ex, "{\"sizes\":\"not a list\"}"));
    fake.start();
    try (Prism prism = Prism.proxy("http://127.0.0.1:" + fake.getAddress().getPort())) {
      HttpResponse<String> ok = get(prism.baseUrl() + "/v2/account");
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      HttpResponse<String> bad = get(prism.baseUrl() + "/v2/sizes");
      assertThat(bad.statusCode()).as("a response that breaks the spec must not pass: " + bad.body())
          .isGreaterThanOrEqualTo(400);
      assertThat(prism.violations()).isNotEmpty();
    } finally {
      fake.stop(0);
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", TOKEN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.getResponseHeaders().add("ratelimit-limit", "5000");
    ex.getResponseHeaders().add("ratelimit-remaining", "4999");
    ex.getResponseHeaders().add("ratelimit-reset", "1444931833");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }
}
