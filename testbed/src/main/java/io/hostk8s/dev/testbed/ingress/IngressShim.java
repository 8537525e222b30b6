package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cert-manager's ingress-shim: an Ingress annotated {@value #CLUSTER_ISSUER} (or {@value #ISSUER}) gets, per
 * {@code tls} entry, a Certificate named after the entry's {@code secretName}, for its hosts, issued by that
 * issuer and owned by the Ingress; kept in step when the Ingress changes.
 */
final class IngressShim {

  static final String CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";
  static final String ISSUER = "cert-manager.io/issuer";

  private final KubernetesClient client;
  private final CmObjects objects;

  IngressShim(KubernetesClient client, CmObjects objects) {
    this.client = client;
    this.objects = objects;
  }

  void sync() {
    for (Ingress ing : client.network().v1().ingresses().inAnyNamespace().list().getItems()) {
      Map<String, String> ann = ing.getMetadata().getAnnotations() == null ? Map.of()
          : ing.getMetadata().getAnnotations();
      String kind = ann.containsKey(CLUSTER_ISSUER) ? "ClusterIssuer" : ann.containsKey(ISSUER) ? "Issuer" : null;
      if (kind == null) {
        continue;
      }
      String issuer = ann.getOrDefault(CLUSTER_ISSUER, ann.get(ISSUER));
      for (IngressTLS tls : ing.getSpec().getTls()) {
        if (tls.getSecretName() == null || tls.getHosts().isEmpty()) {
          continue;
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", tls.getSecretName());
        spec.put("dnsNames", List.copyOf(tls.getHosts()));
        spec.put("issuerRef", Map.of("name", issuer, "kind", kind, "group", "cert-manager.io"));
        spec.put("usages", List.of("digital signature", "key encipherment"));
        objects.upsert(CmObjects.object(CmObjects.CM, "Certificate", ing.getMetadata().getNamespace(),
            tls.getSecretName(), spec, CmObjects.owner("networking.k8s.io/v1", "Ingress", ing.getMetadata().getName(),
                ing.getMetadata().getUid())), null);
      }
    }
  }
}
