package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Waits for cert-manager's Certificate (the Ingress' TLS secret name) to be {@code Ready}; when it is not in time,
 * explains why from cert-manager's own objects: the Certificate's condition, and each Challenge's state and reason
 * (e.g. "HTTP-01 self check failed", the usual sign of DNS not pointing at the load balancer yet).
 */
final class CertificateWaiter {
  private final Sleeper sleeper;
  private final Duration timeout;

  CertificateWaiter(Sleeper sleeper, Duration timeout) {
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  void await(KubernetesClient client, String namespace, String name, Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      Cancel.check(progress, "waiting for the certificate");
      GenericKubernetesResource cert = client.genericKubernetesResources("cert-manager.io/v1", "Certificate")
          .inNamespace(namespace).withName(name).get();
      Map<String, Object> ready = condition(cert, "Ready");
      if (ready != null && "True".equals(ready.get("status"))) {
        return;
      }
      String now = "certificate " + name + ": " + (ready == null ? "requested" : ready.get("reason") + " — " + ready.get("message"));
      if (!now.equals(last)) {
        progress.report(now);
        last = now;
      }
      if (System.nanoTime() > deadline) {
        throw HostK8sException.user(ErrorCode.CLOUD_TLS_FAILED, "The certificate " + name + " was not issued in "
            + Durations.human(timeout) + ": " + explain(client, namespace, ready),
            "Check that the host resolves to the load balancer and the zone is delegated to DigitalOcean; with "
                + "acmeStaging: true Let's Encrypt's limits are generous. Apply again to keep waiting.");
      }
      sleeper.sleep(Duration.ofSeconds(3));
    }
  }

  static String explain(KubernetesClient client, String namespace, Map<String, Object> ready) {
    List<String> why = new ArrayList<>();
    if (ready != null) {
      why.add("Certificate " + ready.get("reason") + ": " + ready.get("message"));
    }
    try {
      for (GenericKubernetesResource ch : client.genericKubernetesResources("acme.cert-manager.io/v1", "Challenge")
          .inNamespace(namespace).list().getItems()) {
        Object status = ch.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s) {
          why.add("challenge " + ch.getMetadata().getName() + " " + s.get("state") + ": " + s.get("reason"));
        }
      }
    } catch (RuntimeException e) {
      why.add("(challenges unreadable: " + e.getMessage() + ")");
    }
    return why.isEmpty() ? "cert-manager reported nothing yet (is it running? kubectl -n cert-manager get pods)"
        : String.join("; ", why);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> condition(GenericKubernetesResource r, String type) {
    if (r == null || !(r.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return null;
    }
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return null;
    }
    return conditions.stream().filter(c -> c instanceof Map<?, ?> m && Objects.equals(type, m.get("type")))
        .map(c -> (Map<String, Object>) c).findFirst().orElse(null);
  }
}
