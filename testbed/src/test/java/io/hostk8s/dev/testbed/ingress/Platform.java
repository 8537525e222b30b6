package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.Sandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The voting app's DigitalOcean platform manifests, placeholders substituted, applied as the product applies them. */
final class Platform {

  static final String HOST = "vote.example.test";
  static final Path DO = repoRoot().resolve("voting-app/k8s/digitalocean");
  private static final Map<String, String> PLACEHOLDERS = Map.of("LB_NAME_PLACEHOLDER", "test-lb",
      "ACME_SERVER_PLACEHOLDER", "https://acme-staging-v02.api.letsencrypt.org/directory",
      "ACME_EMAIL_PLACEHOLDER", "ops@example.test", "HOST_PLACEHOLDER", HOST);

  private Platform() {
  }

  /** Server-side applies each object of {@code file} (relative to voting-app/k8s/digitalocean), in file order. */
  static void apply(KubernetesClient client, String file) throws IOException {
    String yaml = Files.readString(DO.resolve(file));
    for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
      yaml = yaml.replace(p.getKey(), p.getValue());
    }
    List<HasMetadata> items = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata item : items) {
      client.resource(item).fieldManager("hostk8s-dev").forceConflicts().serverSideApply();
    }
  }

  /** Traefik and cert-manager, each Deployment rolled out. */
  static void install(Sandbox sandbox, KubernetesClient client) throws IOException {
    apply(client, "platform/traefik.yaml");
    apply(client, "platform/cert-manager.yaml");
    Duration t = Duration.ofSeconds(120);
    sandbox.awaitRollout("traefik", "traefik", t);
    for (String d : List.of("cert-manager", "cert-manager-cainjector", "cert-manager-webhook")) {
      sandbox.awaitRollout("cert-manager", d, t);
    }
  }

  static GenericKubernetesResource await(KubernetesClient client, String apiVersion, String kind, String ns,
      Predicate<GenericKubernetesResource> done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    GenericKubernetesResource last = null;
    while (System.nanoTime() < deadline) {
      Optional<GenericKubernetesResource> hit = client.genericKubernetesResources(apiVersion, kind).inNamespace(ns)
          .list().getItems().stream().filter(done).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      last = client.genericKubernetesResources(apiVersion, kind).inNamespace(ns).list().getItems().stream()
          .findFirst().orElse(null);
      Thread.sleep(250);
    }
    throw new AssertionError("no " + kind + " in " + ns + " reached the state within " + timeout + "; last: " + last);
  }

  /** The condition of {@code type} in a cert-manager object's status, or an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> condition(GenericKubernetesResource r, String type) {
    Object status = r.getAdditionalProperties().get("status");
    if (status instanceof Map<?, ?> s && s.get("conditions") instanceof List<?> cs) {
      for (Object c : cs) {
        if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
          return (Map<String, Object>) m;
        }
      }
    }
    return Map.of();
  }

  private static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/k8s/digitalocean"))) {
        return p;
      }
    }
    throw new AssertionError("no voting-app/k8s/digitalocean above " + Path.of("").toAbsolutePath());
  }

  static Object statusField(GenericKubernetesResource r, String field) {
    Object status = r.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> s ? s.get(field) : null;
  }
}
