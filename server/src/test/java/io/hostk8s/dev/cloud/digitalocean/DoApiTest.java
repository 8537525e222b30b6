package io.hostk8s.dev.cloud.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DoApiTest {
  private final DoTestServer fake = newServer();
  private final DoApi api = fake.api();

  private static DoTestServer newServer() {
    try {
      return new DoTestServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    api.close();
    fake.close();
  }

  @Test
  void everyRequestCarriesTheCurrentTokenAndOurUserAgent() throws Exception {
    AtomicReference<String> token = new AtomicReference<>("dop_v1_first");
    DoApi rotating = new DoApi(new DoApiConfig(fake.baseUrl(), () -> Optional.of(token.get()), Duration.ofSeconds(2),
        Duration.ofSeconds(2), 0, fake.sleeper));
    fake.enqueue(200, "{\"account\":{\"uuid\":\"u1\"}}");
    fake.enqueue(200, "{\"account\":{\"uuid\":\"u1\"}}");
    rotating.getOne("/v2/account", "account:read", "account", Account.class);
    token.set("dop_v1_second");
    rotating.getOne("/v2/account", "account:read", "account", Account.class);
    RecordedRequest first = fake.server.takeRequest();
    RecordedRequest second = fake.server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer dop_v1_first");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer dop_v1_second");
    assertThat(first.getHeaders().get("User-Agent")).startsWith("hostk8s-dev/");
    assertThat(first.getTarget()).isEqualTo("/v2/account");
    rotating.close();
  }

  @Test
  void aMissingTokenFailsBeforeAnyRequestAndSaysWhereToSetIt() {
    DoApi noToken = new DoApi(DoApiConfig.defaults(fake.baseUrl(), Optional::empty));
    assertThatThrownBy(() -> noToken.get("/v2/account", "account:read", JsonNode.class))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_TOKEN_MISSING);
          assertThat(String.join(" ", e.suggestions())).contains("DIGITALOCEAN_ACCESS_TOKEN")
              .contains("HostK8s: Set DigitalOcean Token");
        });
    assertThat(fake.server.getRequestCount()).isZero();
    assertThat(noToken.calls()).isZero();
    noToken.close();
  }

  @Test
  void listFollowsNextLinksOnAnotherHostReBasedOntoTheConfiguredBaseUrl() throws Exception {
    fake.enqueue(200, "{\"sizes\":[{\"slug\":\"a\"},{\"slug\":\"b\"}],\"links\":{\"pages\":{"
        + "\"next\":\"https://api.digitalocean.com/v2/sizes?page=2&per_page=200\","
        + "\"last\":\"https://api.digitalocean.com/v2/sizes?page=3&per_page=200\"}},\"meta\":{\"total\":5}}");
    fake.enqueue(200, "{\"sizes\":[{\"slug\":\"c\"},{\"slug\":\"d\"}],\"links\":{\"pages\":{"
        + "\"next\":\"https://api.digitalocean.com/v2/sizes?page=3&per_page=200\"}},\"meta\":{\"total\":5}}");
    fake.enqueue(200, "{\"sizes\":[{\"slug\":\"e\"}],\"links\":{\"pages\":{\"prev\":\"x\"}},\"meta\":{\"total\":5}}");

    List<Size> sizes = api.list("/v2/sizes", "sizes:read", "sizes", Size.class);

    assertThat(sizes).extracting(Size::slug).containsExactly("a", "b", "c", "d", "e");
    assertThat(fake.server.takeRequest().getTarget()).isEqualTo("/v2/sizes?per_page=200");
    assertThat(fake.server.takeRequest().getTarget()).isEqualTo("/v2/sizes?page=2&per_page=200");
    assertThat(fake.server.takeRequest().getTarget()).isEqualTo("/v2/sizes?page=3&per_page=200");
    assertThat(api.calls()).isEqualTo(3);
    assertThat(api.callsByRoute()).isEqualTo(Map.of("GET /v2/sizes", 3));
  }

  @Test
  void aNextLinkIsReBasedUnderABaseUrlWithAPathPrefix() {
    DoApi proxied = new DoApi(DoApiConfig.defaults("http://proxy.example:8080/do/", () -> Optional.of("t")));
    assertThat(proxied.rebase("https://api.digitalocean.com/v2/kubernetes/clusters?page=2").toString())
        .isEqualTo("http://proxy.example:8080/do/v2/kubernetes/clusters?page=2");
    assertThat(proxied.rebase("http://proxy.example:8080/do/v2/sizes?page=3").toString())
        .isEqualTo("http://proxy.example:8080/do/v2/sizes?page=3");
    proxied.close();
  }

  @Test
  void a429WithRetryAfterWaitsThatLongAndRetriesEvenAPost() throws Exception {
    fake.enqueue(429, DoTestServer.error("too_many_requests", "API rate limit exceeded.", "r1"), "retry-after", "2");
    fake.enqueue(201, "{\"registry\":{\"name\":\"demo\"}}");

    Registry created = api.postOne("/v2/registries", "registry:create", Map.of("name", "demo"), "registry",
        Registry.class);

    assertThat(created.name()).isEqualTo("demo");
    assertThat(fake.sleeper.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(api.calls()).isEqualTo(2);
    assertThat(api.callsByRoute()).isEqualTo(Map.of("POST /v2/registries", 2));
  }

  @Test
  void a429WithOnlyRatelimitResetWaitsUntilTheResetCappedAtAMinute() {
    long soon = Instant.now().getEpochSecond() + 5;
    fake.enqueue(429, DoTestServer.error("too_many_requests", "API rate limit exceeded.", "r1"),
        "ratelimit-reset", String.valueOf(soon), "ratelimit-remaining", "0");
    fake.enqueue(429, DoTestServer.error("too_many_requests", "API rate limit exceeded.", "r2"),
        "ratelimit-reset", String.valueOf(soon + 3600));
    fake.enqueue(200, "{\"account\":{\"droplet_limit\":25}}");

    Account account = api.getOne("/v2/account", "account:read", "account", Account.class);

    assertThat(account.dropletLimit()).isEqualTo(25);
    assertThat(fake.sleeper.waits).hasSize(2);
    assertThat(fake.sleeper.waits.get(0)).isBetween(Duration.ofMillis(3500), Duration.ofSeconds(5));
    assertThat(fake.sleeper.waits.get(1)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void a429ThatLastsBeyondTheRetriesIsRateLimitedSayingWhenTheLimitResets() {
    long reset = Instant.now().getEpochSecond() + 30;
    for (int i = 0; i < 6; i++) {
      fake.enqueue(429, DoTestServer.error("too_many_requests", "API rate limit exceeded.", "req-" + i),
          "ratelimit-reset", String.valueOf(reset));
    }
    assertThatThrownBy(() -> api.get("/v2/kubernetes/clusters", "kubernetes:read", JsonNode.class))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_RATE_LIMITED);
          assertThat(e.getMessage()).contains("API rate limit exceeded.").contains("(request req-5)")
              .contains("resets at").contains("after 5 retries");
          assertThat(e.suggestions()).isNotEmpty();
          assertThat(DoErrors.details(e)).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(429);
            assertThat(d.retryable()).isTrue();
          });
        });
    assertThat(api.calls()).isEqualTo(6);
    assertThat(fake.sleeper.waits).hasSize(5);
  }

  @Test
  void a500OnAGetIsRetriedWithBackoffThenSucceeds() {
    fake.enqueue(500, DoTestServer.error("server_error", "Unexpected server-side error", "r1"));
    fake.enqueue(503, "<html>bad gateway</html>");
    fake.enqueue(200, "{\"account\":{\"uuid\":\"u\"}}");

    assertThat(api.getOne("/v2/account", "account:read", "account", Account.class).uuid()).isEqualTo("u");

    assertThat(api.calls()).isEqualTo(3);
    assertThat(fake.sleeper.waits).hasSize(2);
    assertThat(fake.sleeper.waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
    assertThat(fake.sleeper.waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
  }

  @Test
  void a500OnAPostIsNeverRetried() {
    fake.enqueue(500, DoTestServer.error("server_error", "Unexpected server-side error", "r9"));
    fake.enqueue(201, "{}");
    assertThatThrownBy(() -> api.post("/v2/kubernetes/clusters", "kubernetes:create", Map.of("name", "x"), JsonNode.class))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_SERVER_ERROR);
          assertThat(e.getMessage()).contains("Unexpected server-side error").contains("(request r9)");
          assertThat(String.join(" ", e.suggestions())).contains("https://status.digitalocean.com");
          assertThat(DoErrors.details(e).orElseThrow().retryable()).isTrue();
        });
    assertThat(api.calls()).isEqualTo(1);
    assertThat(fake.sleeper.waits).isEmpty();
  }

  @Test
  void aReadTimeoutOnAGetIsRetried() {
    fake.server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    fake.enqueue(200, "{\"account\":{\"uuid\":\"after-timeout\"}}");

    assertThat(api.getOne("/v2/account", "account:read", "account", Account.class).uuid()).isEqualTo("after-timeout");
    assertThat(api.calls()).isEqualTo(2);
    assertThat(fake.sleeper.waits).hasSize(1);
  }

  @Test
  void aReadTimeoutOnAPostIsNotRetried() {
    fake.server.enqueue(new MockResponse.Builder().code(201).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    assertThatThrownBy(() -> api.post("/v2/registries", "registry:create", Map.of("name", "x"), JsonNode.class))
        .isInstanceOfSatisfying(HostK8sException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_UNREACHABLE));
    assertThat(api.calls()).isEqualTo(1);
    assertThat(fake.sleeper.waits).isEmpty();
  }

  @Test
  void anUnreachableApiIsRetriedWithGrowingBackoffThenNamesTheBaseUrlAndHowToChangeIt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    DoApi down = new DoApi(new DoApiConfig(base, () -> Optional.of("t"), Duration.ofSeconds(1), Duration.ofSeconds(1),
        5, fake.sleeper));
    assertThatThrownBy(() -> down.get("/v2/account", "account:read", JsonNode.class))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_UNREACHABLE);
          assertThat(e.getMessage()).contains(base);
          assertThat(String.join(" ", e.suggestions())).contains("--api-url").contains("DIGITALOCEAN_API_URL");
        });
    assertThat(down.calls()).isEqualTo(6);
    assertThat(fake.sleeper.waits).hasSize(5);
    long[] seconds = {1, 2, 4, 8, 16};
    for (int i = 0; i < seconds.length; i++) {
      // exponential with up to a quarter of jitter on top
      assertThat(fake.sleeper.waits.get(i)).isBetween(Duration.ofSeconds(seconds[i]), Duration.ofMillis(seconds[i] * 1250));
    }
    down.close();
  }

  @Test
  void backoffIsCappedAtThirtySeconds() {
    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(DoRetryDelays.backoff(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
    assertThat(DoRetryDelays.backoff(10)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anInterruptWhileWaitingIsACancellation() {
    DoApi interrupting = new DoApi(fake.config().withSleeper(d -> {
      throw new InterruptedException();
    }));
    fake.enqueue(500, DoTestServer.error("server_error", "boom", "r1"));
    try {
      assertThatThrownBy(() -> interrupting.get("/v2/account", "account:read", JsonNode.class))
          .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      interrupting.close();
    }
  }

  @Test
  void a204AnswerGivesNullAndDeleteSendsItsJsonBody() throws Exception {
    fake.enqueue(204, null);
    fake.enqueue(204, null);
    assertThat(api.post("/v2/kubernetes/registry", "kubernetes:create", Map.of("cluster_uuids", List.of("c1")),
        JsonNode.class)).isNull();
    api.delete("/v2/kubernetes/registry", "kubernetes:update", Map.of("cluster_uuids", List.of("c1")));
    assertThat(fake.server.takeRequest().getBody().utf8()).isEqualTo("{\"cluster_uuids\":[\"c1\"]}");
    RecordedRequest delete = fake.server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getBody().utf8()).isEqualTo("{\"cluster_uuids\":[\"c1\"]}");
    assertThat(api.callsByRoute()).isEqualTo(Map.of("POST /v2/kubernetes/registry", 1, "DELETE /v2/kubernetes/registry", 1));
  }
}
