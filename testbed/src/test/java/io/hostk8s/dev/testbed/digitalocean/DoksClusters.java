package io.hostk8s.dev.testbed.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Test helpers: a running stand-in DOKS cluster and its client, and polling. */
final class DoksClusters {

  private DoksClusters() {
  }

  /** Creates a one-node cluster, waits until it runs; returns its id. */
  static String create(Api api, String name) {
    Api.Answer created = api.send("POST", "/v2/kubernetes/clusters", Map.of("name", name, "region", "fra1",
        "version", "1.33", "node_pools", List.of(Map.of("name", name + "-pool", "size", "s-2vcpu-4gb",
            "count", 1))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().at("/kubernetes_cluster/id").asText();
    await("cluster " + name + " running", () -> api.get("/v2/kubernetes/clusters/" + id).json(),
        j -> "running".equals(j.at("/kubernetes_cluster/status/state").asText()), Duration.ofSeconds(60));
    return id;
  }

  /** A client of the cluster, from its kubeconfig as the API hands it out; the caller closes it. */
  static KubernetesClient client(Api api, String id) {
    Api.Answer kc = api.get("/v2/kubernetes/clusters/" + id + "/kubeconfig");
    assertThat(kc.status()).isEqualTo(200);
    String context = kc.text().lines().filter(l -> l.startsWith("current-context:")).findFirst().orElseThrow()
        .substring("current-context:".length()).trim();
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(context, kc.text(), null)).build();
  }

  /** Polls {@code read} until {@code done} holds; fails with the last value after {@code timeout}. */
  static <T> T await(String what, Supplier<T> read, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last: " + last);
  }

  /** The load balancers (or volumes) in a list answer, by id. */
  static JsonNode byId(JsonNode list, String key, String id) {
    for (JsonNode n : list.get(key)) {
      if (id.equals(n.get("id").asText())) {
        return n;
      }
    }
    return null;
  }
}
