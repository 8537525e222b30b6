package io.hostk8s.dev.cloud.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.testbed.prism.Prism;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every client method against Prism's mock of DigitalOcean's official OpenAPI spec: Prism checks our requests (paths,
 * queries, bodies, auth) against the spec and answers with the spec's examples, so reading the example's values into
 * our records proves the field names match the contract. Prism starts once for the class (about 11 s).
 */
class DigitalOceanContractTest {
  private static final String CLUSTER = "bd5f5959-5e1e-4205-a714-a914373942af";
  private static Prism prism;
  private static DigitalOcean digitalOcean;

  @BeforeAll
  static void startPrism() {
    prism = Prism.mock();
    digitalOcean = DigitalOcean.connect(new DoApiConfig(prism.baseUrl(), () -> Optional.of("dop_v1_contracttest"),
        DoApiConfig.CONNECT_TIMEOUT, DoApiConfig.READ_TIMEOUT, 0, new RecordingSleeper()));
  }

  @AfterAll
  static void stopPrism() {
    if (digitalOcean != null) {
      digitalOcean.close();
    }
    if (prism != null) {
      prism.close();
    }
  }

  @Test
  void account() {
    Account account = digitalOcean.account().get();
    assertThat(account.dropletLimit()).isEqualTo(25);
    assertThat(account.email()).isEqualTo("sammy@digitalocean.com");
    assertThat(account.uuid()).isEqualTo("b6fr89dbf6d9156cace5f3c78dc9851d957381ef");
    assertThat(account.status()).isEqualTo("active");
    assertThat(account.statusMessage()).isNotNull();
  }

  @Test
  void kubernetesOptions() {
    KubernetesOptions options = digitalOcean.kubernetes().options();
    assertThat(options.regions()).contains(new KubernetesOptions.Region("New York 1", "nyc1"));
    assertThat(options.versions().get(0).slug()).isEqualTo("1.18.8-do.0");
    assertThat(options.versions().get(0).kubernetesVersion()).isEqualTo("1.18.8");
    assertThat(options.versions().get(0).supportedFeatures()).contains("docr-integration");
    assertThat(options.sizes()).extracting(KubernetesOptions.SizeOption::slug).contains("s-1vcpu-2gb");
  }

  @Test
  void clusters() {
    List<Cluster> clusters = digitalOcean.kubernetes().listClusters();
    assertThat(clusters).isNotEmpty();
    assertCluster(clusters.get(0));
    assertCluster(digitalOcean.kubernetes().getCluster(CLUSTER));
    assertThat(digitalOcean.kubernetes().findCluster(CLUSTER)).isPresent();
  }

  private static void assertCluster(Cluster c) {
    assertThat(c.id()).isEqualTo(CLUSTER);
    assertThat(c.name()).isEqualTo("prod-cluster-01");
    assertThat(c.region()).isEqualTo("nyc1");
    assertThat(c.version()).isEqualTo("1.18.6-do.0");
    assertThat(c.endpoint()).isEqualTo("https://bd5f5959-5e1e-4205-a714-a914373942af.k8s.ondigitalocean.com");
    assertThat(c.status().state()).isNotBlank();
    assertThat(c.tags()).contains("production");
    assertThat(c.createdAt()).isNotBlank();
    assertThat(c.registryEnabled()).isNotNull();
    NodePool pool = c.nodePools().get(0);
    assertThat(pool.id()).isEqualTo("cdda885e-7663-40c8-bc74-3a036c66545d");
    assertThat(pool.name()).isEqualTo("frontend-pool");
    assertThat(pool.size()).isEqualTo("s-1vcpu-2gb");
    assertThat(pool.count()).isEqualTo(3);
    assertThat(pool.nodes().get(0).dropletId()).isEqualTo("205545370");
    assertThat(pool.nodes().get(0).status().state()).isIn("running", "provisioning");
  }

  @Test
  void createAndDeleteCluster() {
    Cluster created = digitalOcean.kubernetes().createCluster(new CreateClusterRequest("prod-cluster-01", "nyc1",
        "1.18.6-do.0", List.of(new NodePoolSpec("worker-pool", "s-1vcpu-2gb", 3, List.of("frontend"))),
        List.of("hostk8s-dev"), false, false, false));
    assertThat(created.id()).isNotBlank();
    assertThat(created.nodePools()).isNotEmpty();
    digitalOcean.kubernetes().deleteCluster(CLUSTER);
  }

  @Test
  void kubeconfigIsYaml() {
    String yaml = digitalOcean.kubernetes().kubeconfig(CLUSTER, 300);
    assertThat(yaml).startsWith("apiVersion: v1").contains("certificate-authority-data");
  }

  @Test
  void nodePoolsLeftoversAndStatusMessages() {
    assertThat(digitalOcean.kubernetes().nodePools(CLUSTER)).extracting(NodePool::name).contains("frontend-pool");
    AssociatedResources leftovers = digitalOcean.kubernetes().associatedResources(CLUSTER);
    assertThat(leftovers.loadBalancers()).containsExactly(new NamedId("4de7ac8b-495b-4884-9a69-1050c6793cd6", "lb-001"));
    assertThat(leftovers.volumes()).extracting(NamedId::name).containsExactly("volume-001");
    assertThat(leftovers.volumeSnapshots()).extracting(NamedId::name).containsExactly("snapshot-001");
    assertThat(digitalOcean.kubernetes().statusMessages(CLUSTER)).extracting(StatusMessage::message)
        .containsExactly("Resource provisioning may be delayed while our team resolves an incident");
    digitalOcean.kubernetes().destroySelective(CLUSTER, new AssociatedResourceIds(
        List.of("4de7ac8b-495b-4884-9a69-1050c6793cd6"), List.of(), List.of()));
  }

  @Test
  void registryIntegration() {
    digitalOcean.kubernetes().addRegistry(List.of(CLUSTER));
    digitalOcean.kubernetes().removeRegistry(List.of(CLUSTER));
  }

  @Test
  void sizes() {
    List<Size> sizes = digitalOcean.sizes().list();
    Size first = sizes.get(0);
    assertThat(first.slug()).isEqualTo("s-1vcpu-1gb");
    assertThat(first.memory()).isEqualTo(1024);
    assertThat(first.vcpus()).isEqualTo(1);
    assertThat(first.disk()).isEqualTo(25);
    assertThat(first.priceMonthly()).isEqualTo(5.0);
    assertThat(first.priceHourly()).isBetween(0.0074, 0.0075);
    assertThat(first.regions()).contains("nyc1");
    assertThat(first.available()).isTrue();
    assertThat(first.description()).isEqualTo("Basic");
    // the example's next link always points at page 2: followed once, then the repeat ends the listing
    assertThat(digitalOcean.api().callsByRoute()).containsEntry("GET /v2/sizes", 2);
  }

  @Test
  void registryOptions() {
    RegistryOptions options = digitalOcean.registry().options();
    assertThat(options.availableRegions()).contains("fra1");
    SubscriptionTier starter = options.subscriptionTiers().get(0);
    assertThat(starter.slug()).isEqualTo("starter");
    assertThat(starter.name()).isEqualTo("Starter");
    assertThat(starter.includedRepositories()).isEqualTo(1);
    assertThat(starter.includedStorageBytes()).isEqualTo(524288000L);
    assertThat(starter.allowStorageOverage()).isFalse();
    assertThat(starter.eligible()).isFalse();
    assertThat(starter.eligibilityReasons()).containsExactly("OverRepositoryLimit");
    SubscriptionTier basic = options.subscriptionTiers().get(1);
    assertThat(basic.monthlyPriceInCents()).isEqualTo(500);
    assertThat(basic.eligible()).isTrue();
  }

  @Test
  void registries() {
    Registry listed = digitalOcean.registry().list().get(0);
    assertThat(listed).isEqualTo(new Registry("example", "fra1", "2020-03-21T16:02:37Z", 29393920L));
    assertThat(digitalOcean.registry().find("example")).contains(listed);
    assertThat(digitalOcean.registry().validateName("example")).isTrue();
    assertThat(digitalOcean.registry().create("example", "basic", "fra1").name()).isEqualTo("example");
    digitalOcean.registry().delete("example");
  }

  @Test
  void subscription() {
    SubscriptionTier tier = digitalOcean.registry().subscription().orElseThrow().tier();
    assertThat(tier.slug()).isEqualTo("basic");
    assertThat(tier.includedStorageBytes()).isEqualTo(5368709120L);
    assertThat(tier.monthlyPriceInCents()).isEqualTo(500);
    assertThat(digitalOcean.registry().updateSubscription("basic").tier().slug()).isEqualTo("basic");
  }

  @Test
  void dockerCredentials() {
    String config = digitalOcean.registry().dockerCredentials("example", true, 600);
    assertThat(config).startsWith("{\"auths\":{\"registry.digitalocean.com\":{\"auth\":");
  }
}
