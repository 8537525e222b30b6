package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ACME ClusterIssuer "registers its account": the account key Secret ({@code privateKeySecretRef}, in the
 * cluster resource namespace {@value #CLUSTER_RESOURCE_NAMESPACE}) and {@code Ready=True},
 * reason {@code ACMEAccountRegistered}, as cert-manager reports once the ACME server has answered.
 */
final class IssuerStatus {

  static final String CLUSTER_RESOURCE_NAMESPACE = "cert-manager";

  private final KubernetesClient client;
  private final CmObjects objects;

  IssuerStatus(KubernetesClient client, CmObjects objects) {
    this.client = client;
    this.objects = objects;
  }

  void sync() {
    for (GenericKubernetesResource issuer : objects.of(CmObjects.CM, "ClusterIssuer").list().getItems()) {
      Map<String, Object> acme = CmObjects.map(CmObjects.spec(issuer).get("acme"));
      if (acme.isEmpty()) {
        continue;
      }
      String keySecret = String.valueOf(CmObjects.map(acme.get("privateKeySecretRef")).get("name"));
      if (client.secrets().inNamespace(CLUSTER_RESOURCE_NAMESPACE).withName(keySecret).get() == null) {
        String pem = Pem.write(Certs.rsaKeyPair().getPrivate());
        Secret s = new SecretBuilder().withNewMetadata().withName(keySecret)
            .withNamespace(CLUSTER_RESOURCE_NAMESPACE).endMetadata()
            .addToData("tls.key", Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8))).build();
        client.secrets().inNamespace(CLUSTER_RESOURCE_NAMESPACE).resource(s).createOr(e -> e.update());
      }
      Map<String, Object> status = new LinkedHashMap<>();
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("uri", "https://acme.sandbox.invalid/acme/acct/" + Integer.toUnsignedString(
          issuer.getMetadata().getName().hashCode()));
      account.put("lastRegisteredEmail", String.valueOf(acme.getOrDefault("email", "")));
      status.put("acme", account);
      status.put("conditions", List.of(Conditions.condition("Ready", true, "ACMEAccountRegistered",
          "The ACME account was registered with the ACME server")));
      objects.setStatus(issuer, status);
    }
  }
}
