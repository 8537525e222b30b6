package io.hostk8s.dev.cloud.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed clients send the paths, queries and snake_case bodies DigitalOcean expects and read its answers. */
class ResourceClientsTest {
  private final DoTestServer fake = newServer();
  private final DigitalOcean digitalOcean = DigitalOcean.connect(fake.config());

  private static DoTestServer newServer() {
    try {
      return new DoTestServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    digitalOcean.close();
    fake.close();
  }

  @Test
  void createClusterSendsSnakeCaseAndLeavesNullsOut() throws Exception {
    fake.enqueue(201, "{\"kubernetes_cluster\":{\"id\":\"c1\",\"name\":\"demo\",\"status\":{\"state\":\"provisioning\"},"
        + "\"node_pools\":[{\"id\":\"p1\",\"name\":\"pool\",\"size\":\"s-1vcpu-2gb\",\"count\":2,\"nodes\":[{\"id\":\"n1\","
        + "\"status\":{\"state\":\"provisioning\"},\"droplet_id\":\"42\"}]}],\"registry_enabled\":false,\"ha\":false,"
        + "\"created_at\":\"2026-01-01T00:00:00Z\",\"unknown_field\":1}}");
    Cluster created = digitalOcean.kubernetes().createCluster(new CreateClusterRequest("demo", "nyc1", "1.33",
        List.of(new NodePoolSpec("pool", "s-1vcpu-2gb", 2, List.of("hostk8s"))), List.of("hostk8s-dev"), false, true, null));

    RecordedRequest sent = fake.server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getTarget()).isEqualTo("/v2/kubernetes/clusters");
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = DoJson.MAPPER.readTree(sent.getBody().utf8());
    assertThat(body.get("node_pools").get(0).get("size").asText()).isEqualTo("s-1vcpu-2gb");
    assertThat(body.get("auto_upgrade").asBoolean()).isTrue();
    assertThat(body.get("ha").asBoolean()).isFalse();
    assertThat(body.has("surge_upgrade")).isFalse();
    assertThat(body.has("nodePools")).isFalse();
    assertThat(created.status().state()).isEqualTo("provisioning");
    assertThat(created.nodePools().get(0).nodes().get(0).dropletId()).isEqualTo("42");
    assertThat(created.registryEnabled()).isFalse();
    assertThat(created.createdAt()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void findClusterIsEmptyOn404() {
    fake.enqueue(404, DoTestServer.error("not_found", "The resource you were accessing could not be found.", "r"));
    assertThat(digitalOcean.kubernetes().findCluster("gone")).isEmpty();
  }

  @Test
  void kubeconfigAsksForTheExpiryAndReturnsTheYamlAsIs() throws Exception {
    fake.server.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/yaml").body("apiVersion: v1\nkind: Config\n").build());
    assertThat(digitalOcean.kubernetes().kubeconfig("c1", 3600)).isEqualTo("apiVersion: v1\nkind: Config\n");
    assertThat(fake.server.takeRequest().getTarget()).isEqualTo("/v2/kubernetes/clusters/c1/kubeconfig?expiry_seconds=3600");
  }

  @Test
  void destroySelectiveSendsTheIdsInADeleteBody() throws Exception {
    fake.enqueue(204, null);
    digitalOcean.kubernetes().destroySelective("c1", new AssociatedResourceIds(List.of("lb1"), List.of(), null));
    RecordedRequest sent = fake.server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("DELETE");
    assertThat(sent.getTarget()).isEqualTo("/v2/kubernetes/clusters/c1/destroy_with_associated_resources/selective");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"load_balancers\":[\"lb1\"],\"volumes\":[]}");
  }

  @Test
  void validateNameIsTrueOn204AndFalseOn409() throws Exception {
    fake.enqueue(204, null);
    fake.enqueue(409, DoTestServer.error("conflict", "name already exists", "r"));
    assertThat(digitalOcean.registry().validateName("free-name")).isTrue();
    assertThat(digitalOcean.registry().validateName("taken")).isFalse();
    RecordedRequest first = fake.server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v2/registries/validate-name");
    assertThat(first.getBody().utf8()).isEqualTo("{\"name\":\"free-name\"}");
  }

  @Test
  void registryFindAndSubscriptionAreEmptyOn404() {
    fake.enqueue(404, DoTestServer.error("not_found", "not found", "r1"));
    fake.enqueue(404, DoTestServer.error("not_found", "not found", "r2"));
    assertThat(digitalOcean.registry().find("none")).isEmpty();
    assertThat(digitalOcean.registry().subscription()).isEmpty();
  }

  @Test
  void createRegistryAndUpdateSubscriptionSendTheirSlugs() throws Exception {
    fake.enqueue(201, "{\"registry\":{\"name\":\"demo\",\"region\":\"fra1\",\"storage_usage_bytes\":0}}");
    fake.enqueue(200, "{\"subscription\":{\"tier\":{\"slug\":\"basic\",\"monthly_price_in_cents\":500}}}");
    assertThat(digitalOcean.registry().create("demo", "starter", "fra1").region()).isEqualTo("fra1");
    assertThat(digitalOcean.registry().updateSubscription("basic").tier().monthlyPriceInCents()).isEqualTo(500);
    assertThat(fake.server.takeRequest().getBody().utf8())
        .isEqualTo("{\"name\":\"demo\",\"subscription_tier_slug\":\"starter\",\"region\":\"fra1\"}");
    RecordedRequest update = fake.server.takeRequest();
    assertThat(update.getTarget()).isEqualTo("/v2/registries/subscription");
    assertThat(update.getBody().utf8()).isEqualTo("{\"tier_slug\":\"basic\"}");
  }

  @Test
  void dockerCredentialsAreTheBareConfigJson() throws Exception {
    String config = "{\"auths\":{\"registry.digitalocean.com\":{\"auth\":\"c2VjcmV0OnNlY3JldA==\"}}}";
    fake.enqueue(200, config);
    assertThat(digitalOcean.registry().dockerCredentials("demo", true, 600)).isEqualTo(config);
    assertThat(fake.server.takeRequest().getTarget())
        .isEqualTo("/v2/registries/demo/docker-credentials?read_write=true&expiry_seconds=600");
  }

  @Test
  void addAndRemoveRegistryNameTheClusters() throws Exception {
    fake.enqueue(204, null);
    fake.enqueue(204, null);
    digitalOcean.kubernetes().addRegistry(List.of("c1"));
    digitalOcean.kubernetes().removeRegistry(List.of("c1"));
    assertThat(digitalOcean.api().callsByRoute())
        .isEqualTo(Map.of("POST /v2/kubernetes/registry", 1, "DELETE /v2/kubernetes/registry", 1));
    assertThat(fake.server.takeRequest().getBody().utf8()).isEqualTo("{\"cluster_uuids\":[\"c1\"]}");
  }

  @Test
  void endpointIsTheCliFlagElseTheEnvironmentElseDigitalOcean() {
    assertThat(DoEndpoint.resolve("http://localhost:4010/", Map.of("DIGITALOCEAN_API_URL", "http://env")))
        .isEqualTo("http://localhost:4010");
    assertThat(DoEndpoint.resolve(null, Map.of("DIGITALOCEAN_API_URL", "http://env:1//"))).isEqualTo("http://env:1");
    assertThat(DoEndpoint.resolve(" ", Map.of())).isEqualTo("https://api.digitalocean.com");
  }
}
