package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.cloud.digitalocean.DomainRecord;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.prism.Prism;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s-dev publish domain} ({@code make setup-domain}) as a person runs it, against the DigitalOcean
 * stand-in through Prism's validating proxy: on the cluster {@code publish apply --infra-only} made, it installs
 * the platform, waits for the load balancer and makes one A record for the host (re-pointing, never duplicating,
 * is DnsPublisher's, tested by apply twice in PublishAppStandInIT), and {@code publish teardown} removes the record,
 * the zone it created and the load balancer. Without --yes it creates nothing.
 */
class PublishDomainStandInIT {
  private static final String TOKEN = "dop_v1_DOMAINflowRECOGNISABLE0123456789ab";
  @TempDir
  Path dir;

  @Test
  void theDomainPartAloneOnTheClusterPublishMadeAndItsTeardown() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    try (DigitalOceanStandIn standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(repo, dir.resolve("do"))
            .withProvisionSeconds(1));
        Prism prism = Prism.proxy(standIn.baseUrl());
        DigitalOcean audit = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(TOKEN)))) {
      Path ws = dir.resolve("ws");
      OfflineVotingApp.copy(repo.resolve("voting-app/k8s/digitalocean"), ws.resolve("voting-app/k8s/digitalocean"));
      Files.writeString(ws.resolve("hostk8s.dev.yaml"), "cloud:\n  digitalocean:\n    domain: example.com\n    acmeStaging: true\n");
      Map<String, String> env = Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", prism.baseUrl(),
          "HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));

      assertThat(cli(ws, env, "publish", "apply", "--infra-only", "--yes").exit()).isZero();
      CliRunner refused = cli(ws, env, "publish", "domain");
      assertThat(refused.exit()).as(refused.toString()).isNotZero();
      assertThat(refused.err()).contains("7014");
      assertThat(audit.loadBalancers().list()).as("nothing created without consent").isEmpty();

      long t = System.nanoTime();
      CliRunner domain = cli(ws, env, "publish", "domain", "--yes");
      System.out.printf("publish domain: %d ms%n", (System.nanoTime() - t) / 1_000_000);
      assertThat(domain.exit()).as(domain.toString()).isZero();
      assertThat(domain.out()).contains("Traefik and cert-manager available").contains("ClusterIssuer letsencrypt (staging")
          .containsPattern("load balancer hostk8s-voting-lb active at 127\\.0\\.0\\.\\d+")
          .contains("created DNS zone example.com").containsPattern("A voting\\.example\\.com → 127\\.0\\.0\\.\\d+ \\(created\\)")
          .contains("voting.example.com points at the load balancer; no certificate yet");
      String ip = audit.loadBalancers().list().get(0).ip();
      List<DomainRecord> records = audit.domains().records("example.com", "A", "voting.example.com");
      assertThat(records).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(ip));

      CliRunner down = cli(ws, env, "publish", "teardown", "--yes");
      assertThat(down.exit()).as(down.toString()).isZero();
      assertThat(down.out()).contains("(voting.example.com)").contains("deleted DNS zone example.com")
          .contains("nothing publish created is left on DigitalOcean");
      assertThat(audit.domains().find("example.com")).isEmpty();
      assertThat(audit.loadBalancers().list()).isEmpty();
      assertThat(prism.violations()).isEmpty();
      for (CliRunner r : List.of(refused, domain, down)) {
        assertThat(r.out() + r.err()).doesNotContain(TOKEN);
      }
    }
  }

  private CliRunner cli(Path ws, Map<String, String> env, String... args) throws Exception {
    return CliRunner.inWorkspace(ws, env, Duration.ofMinutes(10), args);
  }
}
