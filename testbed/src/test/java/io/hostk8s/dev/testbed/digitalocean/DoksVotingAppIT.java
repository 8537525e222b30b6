package io.hostk8s.dev.testbed.digitalocean;

import static io.hostk8s.dev.testbed.digitalocean.DoksClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.hostk8s.dev.testbed.Tools;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * voting-app/k8s/digitalocean in a stand-in DOKS cluster: placeholders substituted, applied with fabric8 from the
 * cluster's kubeconfig, a vote counted in Postgres on the do-block-storage volume, and still there after the db pod
 * is replaced. Also: ingress.yaml's Traefik Middleware (a custom resource) is accepted by server-side apply.
 */
@Timeout(value = 480, unit = TimeUnit.SECONDS)
class DoksVotingAppIT {

  static final String NS = "sample-app";
  static final String PASSWORD = "it-db-pass_1";
  static final Duration T = Duration.ofSeconds(240);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir
  Path state;

  @Test
  void digitalOceanManifestsRunAndPostgresKeepsTheVoteAcrossADbPodReplacement() throws Exception {
    Path ws = Path.of("..").toAbsolutePath().normalize();
    Tools.require(ws.resolve("voting-app/worker/target/hostk8s-worker.jar"),
        ws.resolve("voting-app/result/node_modules"), Path.of("/usr/lib/postgresql"), Path.of("/usr/bin/psql"),
        Path.of("/usr/bin/redis-server"), Path.of("/usr/bin/node"), Path.of("/usr/lib/python3/dist-packages/flask"));
    try (DigitalOceanStandIn standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(ws, state)
        .withProvisionSeconds(0.5))) {
      Api api = new Api(standIn.baseUrl(), Api.TOKEN);
      String id = DoksClusters.create(api, "voting");
      try (KubernetesClient client = DoksClusters.client(api, id)) {
        try {
          run(client, ws.resolve("voting-app/k8s/digitalocean"));
        } catch (Exception | AssertionError e) {
          for (Pod p : client.pods().inNamespace(NS).list().getItems()) {
            System.err.println("=== " + p.getMetadata().getName() + " " + p.getStatus().getContainerStatuses()
                + "\n" + client.pods().inNamespace(NS).withName(p.getMetadata().getName()).getLog());
          }
          throw e;
        }
      }
    }
  }

  private void run(KubernetesClient client, Path dir) throws Exception {
    for (HasMetadata item : manifests(client, dir, false)) {
      client.resource(item).fieldManager("doks-it").forceConflicts().serverSideApply();
    }
    for (String app : List.of("redis", "db", "vote", "worker", "result")) {
      await(app + " ready", () -> client.apps().deployments().inNamespace(NS).withName(app).get(),
          d -> d.getStatus() != null && d.getSpec().getReplicas().equals(d.getStatus().getReadyReplicas()), T);
    }
    assertThat(client.persistentVolumeClaims().inNamespace(NS).withName("db-data").get().getStatus().getPhase())
        .isEqualTo("Bound");

    Pod vote = client.pods().inNamespace(NS).withLabel("app", "vote").list().getItems().get(0);
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(vote.getMetadata().getName())
        .portForward(80)) {
      HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + pf.getLocalPort() + "/")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("vote=a")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
    }
    await("the vote in Postgres", () -> votes(client), n -> n.equals("1"), Duration.ofSeconds(90));

    Pod db = client.pods().inNamespace(NS).withLabel("app", "db").list().getItems().get(0);
    client.pods().inNamespace(NS).withName(db.getMetadata().getName()).delete();
    await("a new db pod ready", () -> client.pods().inNamespace(NS).withLabel("app", "db").list().getItems(),
        pods -> pods.stream().anyMatch(p -> !p.getMetadata().getUid().equals(db.getMetadata().getUid())
            && p.getStatus() != null && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))), T);
    await("the vote still in Postgres", () -> votes(client), n -> n.equals("1"), Duration.ofSeconds(90));

    // Traefik's chart installs its CRDs; as on a real cluster, a Middleware is accepted once its CRD exists
    client.apiextensions().v1().customResourceDefinitions().resource(middlewareCrd()).create();
    for (HasMetadata item : manifests(client, dir, true)) {
      if (item.getKind().equals("Middleware")) {
        client.resource(item).fieldManager("doks-it").forceConflicts().serverSideApply();
      }
    }
    GenericKubernetesResource mw = client.genericKubernetesResources("traefik.io/v1alpha1", "Middleware")
        .inNamespace(NS).withName("strip-prefixes").get();
    assertThat(mw).as("the Traefik Middleware, read back").isNotNull();
    assertThat(mw.getAdditionalProperties().toString()).contains("/vote").contains("/result");
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition middlewareCrd() {
    return new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder().withNewMetadata()
        .withName("middlewares.traefik.io").endMetadata().withNewSpec().withGroup("traefik.io")
        .withScope("Namespaced").withNewNames().withKind("Middleware").withListKind("MiddlewareList")
        .withPlural("middlewares").withSingular("middleware").endNames().addNewVersion().withName("v1alpha1")
        .withServed(true).withStorage(true).withNewSchema().withNewOpenAPIV3Schema().withType("object")
        .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
  }

  /** {@code SELECT count(*) FROM votes} with psql through a port-forward to the db pod; the error text if not. */
  private static String votes(KubernetesClient client) {
    List<Pod> pods = client.pods().inNamespace(NS).withLabel("app", "db").list().getItems();
    if (pods.isEmpty()) {
      return "no db pod";
    }
    try (LocalPortForward pf = client.pods().inNamespace(NS).withName(pods.get(0).getMetadata().getName())
        .portForward(5432)) {
      ProcessBuilder pb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(pf.getLocalPort()),
          "-U", "postgres", "-d", "votes", "-tAc", "SELECT count(*) FROM votes").redirectErrorStream(true);
      pb.environment().put("PGPASSWORD", PASSWORD);
      pb.environment().put("PGCONNECT_TIMEOUT", "5");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(20, TimeUnit.SECONDS);
      return out;
    } catch (Exception e) {
      return String.valueOf(e);
    }
  }

  /** The manifests with placeholders substituted as plain text; ingress.yaml only when {@code ingress}. */
  private static List<HasMetadata> manifests(KubernetesClient client, Path dir, boolean ingress) throws Exception {
    List<HasMetadata> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (f.getFileName().toString().equals("ingress.yaml") != ingress) {
          continue;
        }
        String text = Files.readString(f).replace("REGISTRY_PLACEHOLDER", "127.0.0.1:5999/reg")
            .replace("TAG_PLACEHOLDER", "abc").replace("DB_PASSWORD_PLACEHOLDER", PASSWORD)
            .replace("HOST_PLACEHOLDER", "vote.example.test");
        items.addAll(client.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items());
      }
    }
    return items;
  }
}
