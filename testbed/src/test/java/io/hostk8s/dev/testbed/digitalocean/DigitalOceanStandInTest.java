package io.hostk8s.dev.testbed.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitalOceanStandInTest {

  @TempDir
  static Path state;
  static DigitalOceanStandIn standIn;
  static Api api;

  @BeforeAll
  static void start() {
    Path workspace = Path.of("..").toAbsolutePath().normalize();
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(workspace, state).withPageSize(2)
        .withProvisionSeconds(1).withDropletLimit(6).withRegistry("registry.test:5000", "pusher:s3cret"));
    api = new Api(standIn.baseUrl(), Api.TOKEN);
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void aClusterProvisionsRunsAsASandboxAndIsGoneAfterDelete() throws Exception {
    Api.Answer created = api.send("POST", "/v2/kubernetes/clusters", Map.of("name", "voting", "region", "fra1",
        "version", "1.33", "tags", List.of("demo"),
        "node_pools", List.of(Map.of("name", "voting-default-pool", "size", "s-2vcpu-4gb", "count", 2))));
    assertThat(created.status()).isEqualTo(201);
    JsonNode cluster = created.json().get("kubernetes_cluster");
    String id = cluster.get("id").asText();
    assertThat(cluster.at("/status/state").asText()).isEqualTo("provisioning");
    assertThat(cluster.get("version").asText()).isEqualTo("1.33.1-do.0");
    assertThat(cluster.get("tags")).extracting(JsonNode::asText).contains("demo", "k8s", "k8s:" + id);
    assertThat(api.get("/v2/kubernetes/clusters/" + id + "/kubeconfig").status()).isEqualTo(404);

    JsonNode running = awaitState(id, "running");
    assertThat(running.at("/node_pools/0/nodes")).allSatisfy(n -> assertThat(n.at("/status/state").asText())
        .isEqualTo("running"));

    Api.Answer kubeconfig = api.get("/v2/kubernetes/clusters/" + id + "/kubeconfig");
    assertThat(kubeconfig.status()).isEqualTo(200);
    assertThat(kubeconfig.header("Content-Type")).isEqualTo("application/yaml");
    assertThat(kubeconfig.text()).contains("current-context: do-fra1-voting");
    String server;
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig("do-fra1-voting", kubeconfig.text(), null)).build()) {
      assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
          .contains("default");
      server = client.getMasterUrl().toString();

      // registry integration → dockerconfigjson secret in default
      assertThat(api.send("POST", "/v2/registries", Map.of("name", "voting-images", "subscription_tier_slug",
          "basic", "region", "fra1")).status()).isEqualTo(201);
      assertThat(api.send("POST", "/v2/kubernetes/registry", Map.of("cluster_uuids", List.of(id))).status())
          .isEqualTo(204);
      assertThat(api.get("/v2/kubernetes/clusters/" + id).json().at("/kubernetes_cluster/registry_enabled")
          .asBoolean()).isTrue();
      Secret secret = client.secrets().inNamespace("default").withName("registry-voting-images").get();
      assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      String config = new String(Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")),
          StandardCharsets.UTF_8);
      assertThat(config).contains("registry.test:5000")
          .contains(Base64.getEncoder().encodeToString("pusher:s3cret".getBytes(StandardCharsets.UTF_8)));
      assertThat(api.send("DELETE", "/v2/kubernetes/registry", Map.of("cluster_uuids", List.of(id))).status())
          .isEqualTo(204);
      assertThat(client.secrets().inNamespace("default").withName("registry-voting-images").get()).isNull();
      assertThat(api.send("DELETE", "/v2/registries/voting-images", null).status()).isEqualTo(204);
    }
    Api.Answer credentials = api.get("/v2/kubernetes/clusters/" + id + "/credentials?expiry_seconds=60");
    assertThat(credentials.json().get("server").asText()).isEqualTo(running.get("endpoint").asText());
    assertThat(credentials.json().get("token").asText()).isNotEmpty();

    Api.Answer deleted = api.send("DELETE", "/v2/kubernetes/clusters/" + id, null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.text()).isEmpty();
    assertThat(api.get("/v2/kubernetes/clusters/" + id).json().at("/kubernetes_cluster/status/state").asText())
        .isEqualTo("deleting");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (api.get("/v2/kubernetes/clusters/" + id).status() != 404) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(answers(server)).as("the cluster's sandbox API is closed").isFalse();
  }

  @Test
  void listsPaginateWithAbsoluteLinksFromTheHostHeader() {
    List<String> slugs = new ArrayList<>();
    String next = "/v2/sizes";
    int pages = 0;
    while (next != null) {
      JsonNode page = api.get(next).json();
      page.get("sizes").forEach(s -> slugs.add(s.get("slug").asText()));
      assertThat(page.at("/meta/total").asInt()).isEqualTo(Catalog.SIZES.size());
      JsonNode n = page.at("/links/pages/next");
      next = n.isMissingNode() ? null : n.asText();
      if (next != null) {
        assertThat(next).startsWith(standIn.baseUrl() + "/v2/sizes?").contains("per_page=2");
      }
      pages++;
    }
    assertThat(pages).isEqualTo(5);
    assertThat(slugs).hasSize(10).doesNotHaveDuplicates().contains("s-1vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb");
    JsonNode last = api.get("/v2/sizes?page=5").json();
    assertThat(last.at("/links/pages/prev").asText()).contains("page=4");
    assertThat(last.at("/links/pages/next").isMissingNode()).isTrue();
    JsonNode s = api.get("/v2/sizes?per_page=200").json().get("sizes").get(2);
    assertThat(s.get("slug").asText()).isEqualTo("s-1vcpu-2gb");
    assertThat(s.get("price_monthly").asDouble()).isEqualTo(12.0);
    assertThat(s.get("price_hourly").asDouble()).isEqualTo(0.01786);
  }

  @Test
  void aMalformedTokenIsUnauthorized() {
    Api.Answer a = new Api(standIn.baseUrl(), "not-a-token").get("/v2/account");
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json().get("id").asText()).isEqualTo("unauthorized");
    assertThat(a.json().get("message").asText()).isEqualTo("Unable to authenticate you.");
    assertThat(a.json().get("request_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(a.header("ratelimit-limit")).isEqualTo("5000");
    assertThat(new Api(standIn.baseUrl(), "dop_v1_short").get("/v2/account").status()).isEqualTo(401);
    Api.Answer ok = api.get("/v2/account");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().at("/account/droplet_limit").asInt()).isEqualTo(6);
    assertThat(ok.header("ratelimit-remaining")).isNotNull();
    assertThat(ok.header("ratelimit-reset")).isNotNull();
  }

  @Test
  void nodesBeyondTheDropletLimitAreRefused() {
    Api.Answer a = api.send("POST", "/v2/kubernetes/clusters", Map.of("name", "big", "region", "nyc1",
        "version", "latest", "node_pools", List.of(Map.of("name", "p", "size", "s-1vcpu-2gb", "count", 7))));
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().get("id").asText()).isEqualTo("unprocessable_entity");
    assertThat(a.json().get("message").asText())
        .isEqualTo("creating this/these droplet(s) will exceed your droplet limit");
    Api.Answer badRegion = api.send("POST", "/v2/kubernetes/clusters", Map.of("name", "x", "region", "mars1",
        "version", "latest", "node_pools", List.of(Map.of("name", "p", "size", "s-1vcpu-2gb", "count", 1))));
    assertThat(badRegion.status()).isEqualTo(422);
  }

  @Test
  void registryNamesAreGlobalAndOneRegistryPerAccountBelowProfessional() {
    assertThat(api.send("POST", "/v2/registries/validate-name", Map.of("name", "taken")).status()).isEqualTo(409);
    assertThat(api.send("POST", "/v2/registry", Map.of("name", "registry", "subscription_tier_slug", "basic"))
        .status()).isEqualTo(409);
    assertThat(api.send("POST", "/v2/registries/validate-name", Map.of("name", "rules-one")).status())
        .isEqualTo(204);
    assertThat(api.get("/v2/registry").status()).isEqualTo(404);
    assertThat(api.send("POST", "/v2/registry", Map.of("name", "rules-one", "subscription_tier_slug", "starter",
        "region", "ams3")).status()).isEqualTo(201);
    try {
      assertThat(api.send("POST", "/v2/registry/validate-name", Map.of("name", "rules-one")).status())
          .isEqualTo(409);
      Api.Answer second = api.send("POST", "/v2/registries", Map.of("name", "rules-two"));
      assertThat(second.status()).isEqualTo(422);
      assertThat(second.json().get("message").asText()).isEqualTo("user already has a registry");
      assertThat(api.get("/v2/registry").json().at("/registry/subscription/tier/slug").asText())
          .isEqualTo("starter");
      assertThat(api.send("POST", "/v2/registry/subscription", Map.of("tier_slug", "professional")).status())
          .isEqualTo(200);
      assertThat(api.send("POST", "/v2/registries", Map.of("name", "rules-two")).status()).isEqualTo(201);
      assertThat(api.get("/v2/registry").status()).isEqualTo(412);
      assertThat(api.get("/v2/registries").json().get("registries")).hasSize(2);
      JsonNode creds = api.get("/v2/registries/rules-two/docker-credentials").json();
      assertThat(creds.at("/auths").fieldNames().next()).isEqualTo("registry.test:5000");
      JsonNode tiers = api.get("/v2/registries/options").json().at("/options/subscription_tiers");
      assertThat(tiers).extracting(t -> t.get("slug").asText() + "=" + t.get("monthly_price_in_cents").asInt())
          .containsExactly("starter=0", "basic=500", "professional=2000");
    } finally {
      api.send("DELETE", "/v2/registries/rules-two", null);
      api.send("DELETE", "/v2/registries/rules-one", null);
    }
    assertThat(api.get("/v2/registries").json().get("registries")).isEmpty();
  }

  @Test
  void recordsAreFilteredByTypeAndFullyQualifiedName() {
    assertThat(api.get("/v2/domains/filters.example").status()).isEqualTo(404);
    assertThat(api.send("POST", "/v2/domains", Map.of("name", "filters.example", "ip_address", "192.0.2.1"))
        .status()).isEqualTo(201);
    try {
      JsonNode vote = api.send("POST", "/v2/domains/filters.example/records",
          Map.of("type", "A", "name", "vote", "data", "192.0.2.10", "ttl", 300)).json().get("domain_record");
      assertThat(vote.get("id").isInt()).isTrue();
      api.send("POST", "/v2/domains/filters.example/records", Map.of("type", "TXT", "name", "vote", "data", "x"));
      JsonNode byFqdn = api.get("/v2/domains/filters.example/records?type=A&name=vote.filters.example").json();
      assertThat(byFqdn.get("domain_records")).hasSize(1);
      assertThat(byFqdn.at("/domain_records/0/name").asText()).isEqualTo("vote");
      assertThat(api.get("/v2/domains/filters.example/records?type=A&name=vote").json().get("domain_records"))
          .as("a relative name matches nothing").isEmpty();
      JsonNode apex = api.get("/v2/domains/filters.example/records?type=A&name=filters.example").json();
      assertThat(apex.at("/domain_records/0/data").asText()).isEqualTo("192.0.2.1");
      assertThat(apex.at("/domain_records/0/name").asText()).isEqualTo("@");
      assertThat(api.get("/v2/domains/filters.example/records?type=NS").json().at("/meta/total").asInt())
          .isEqualTo(3);
      Api.Answer patched = api.send("PATCH", "/v2/domains/filters.example/records/" + vote.get("id").asInt(),
          Map.of("type", "A", "data", "192.0.2.11"));
      assertThat(patched.json().at("/domain_record/data").asText()).isEqualTo("192.0.2.11");
      assertThat(api.get("/v2/domains/filters.example").json().at("/domain/zone_file").asText())
          .contains("ns1.digitalocean.com.").contains("vote.filters.example. 300 IN A 192.0.2.11");
      assertThat(api.send("DELETE", "/v2/domains/filters.example/records/" + vote.get("id").asInt(), null)
          .status()).isEqualTo(204);
      assertThat(api.get("/v2/domains/filters.example/records/" + vote.get("id").asInt()).status())
          .isEqualTo(404);
    } finally {
      assertThat(api.send("DELETE", "/v2/domains/filters.example", null).status()).isEqualTo(204);
    }
  }

  @Test
  void faultsAnswerInsteadOfTheApiThenItRecovers() {
    standIn.faults().add(Fault.rateLimited("GET", "/v2/regions", 1, 7));
    Api.Answer limited = api.get("/v2/regions");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("retry-after")).isEqualTo("7");
    assertThat(limited.header("ratelimit-remaining")).isEqualTo("0");
    assertThat(limited.json().get("id").asText()).isEqualTo("too_many_requests");
    assertThat(api.get("/v2/regions").status()).isEqualTo(200);

    Api.Answer armed = api.send("POST", standIn.baseUrl() + "/_standin/faults",
        Map.of("method", "GET", "pathRegex", "/v2/kubernetes/options", "status", 500, "times", 1));
    assertThat(armed.status()).isEqualTo(204);
    assertThat(api.get("/v2/kubernetes/options").status()).isEqualTo(500);
    JsonNode options = api.get("/v2/kubernetes/options").json().get("options");
    assertThat(options.at("/versions/0/supported_features")).extracting(JsonNode::asText)
        .contains("docr-integration");
    assertThat(standIn.requestCount().snapshot()).containsKey("GET /v2/kubernetes/options");
  }

  private JsonNode awaitState(String id, String state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode c = api.get("/v2/kubernetes/clusters/" + id).json().get("kubernetes_cluster");
      if (state.equals(c.at("/status/state").asText())) {
        return c;
      }
      assertThat(System.nanoTime()).as("cluster %s never became %s", id, state).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static boolean answers(String url) {
    try {
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
          .send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces")).timeout(Duration.ofSeconds(2))
              .build(), HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

}
