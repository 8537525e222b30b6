package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The certificates controller: a Certificate whose issuer is an ACME issuer gets a key and a certificate for its
 * dnsNames from the test CA in its {@code kubernetes.io/tls} Secret and {@code Ready=True}, with the
 * CertificateRequest and Order a real issuance leaves behind. A missing issuer → {@code Ready=False},
 * reason {@value #ISSUER_NOT_FOUND}; a failing challenge ({@link AcmeFaults}) → the invalid Order and Challenge,
 * the request {@code Failed}, and {@code Issuing=False}, reason {@code Failed}, on the Certificate.
 */
final class CertificateIssuer {

  static final String ISSUER_NOT_FOUND = "IssuerNotFound";
  private static final Logger LOG = Logger.getLogger(CertificateIssuer.class.getName());

  private final KubernetesClient client;
  private final CmObjects objects;
  private final TestCa ca;
  private final AcmeFaults faults;
  private final AcmeRecords records;

  CertificateIssuer(KubernetesClient client, CmObjects objects, TestCa ca) {
    this.client = client;
    this.objects = objects;
    this.ca = ca;
    this.faults = new AcmeFaults(client);
    this.records = new AcmeRecords(objects);
  }

  void sync() {
    for (GenericKubernetesResource cert : objects.of(CmObjects.CM, "Certificate").inAnyNamespace().list()
        .getItems()) {
      sync(cert);
    }
  }

  private void sync(GenericKubernetesResource cert) {
    Map<String, Object> spec = CmObjects.spec(cert);
    Map<String, Object> status = CmObjects.status(cert);
    String ns = cert.getMetadata().getNamespace();
    String secretName = String.valueOf(spec.get("secretName"));
    List<String> dnsNames = CmObjects.strings(spec.get("dnsNames"));
    Map<String, Object> issuerRef = CmObjects.map(spec.get("issuerRef"));
    String issuerName = String.valueOf(issuerRef.get("name"));
    String kind = String.valueOf(issuerRef.getOrDefault("kind", "Issuer"));
    int revision = status.get("revision") instanceof Number n ? n.intValue() : 0;
    GenericKubernetesResource issuer = objects.get(CmObjects.CM, kind, kind.equals("ClusterIssuer") ? null : ns,
        issuerName);
    if (issuer == null) {
      String message = "Referenced \"" + kind + "\" not found: " + kind.toLowerCase(Locale.ROOT)
          + ".cert-manager.io \"" + issuerName + "\" not found";
      records.request(cert, revision + 1, issuerRef, false, Conditions.condition("Ready", false, "Pending", message));
      objects.setStatus(cert, status(revision, List.of(
          Conditions.condition("Ready", false, ISSUER_NOT_FOUND, message),
          Conditions.condition("Issuing", true, "Issuing", "Issuing certificate as Secret does not exist"))));
      return;
    }
    if (!CmObjects.spec(issuer).containsKey("acme")) {
      objects.setStatus(cert, status(revision, List.of(Conditions.condition("Ready", false, "IssuerNotSupported",
          "the sandbox's cert-manager stand-in issues certificates for ACME issuers only"))));
      return;
    }
    X509Certificate current = validCertificate(ns, secretName, dnsNames, issuerName, kind);
    if (current != null) {
      objects.setStatus(cert, ready(revision == 0 ? 1 : revision, current));
      return;
    }
    Set<String> failing = faults.failing(dnsNames);
    String failure = records.order(cert, revision + 1, dnsNames, issuerRef, failing);
    if (failure != null) {
      String order = AcmeRecords.orderName(AcmeRecords.requestName(cert, revision + 1));
      String crMessage = "Failed to wait for order resource \"" + order + "\" to become ready: order is in \"invalid\""
          + " state: " + failure;
      records.request(cert, revision + 1, issuerRef, true, Conditions.condition("Ready", false, "Failed", crMessage));
      Map<String, Object> failed = status(revision, List.of(
          Conditions.condition("Ready", false, "DoesNotExist", "Issuing certificate as Secret does not exist"),
          Conditions.condition("Issuing", false, "Failed",
              "The certificate request has failed to complete and will be retried: " + crMessage)));
      failed.put("lastFailureTime", CmObjects.now());
      failed.put("failedIssuanceAttempts", 1);
      objects.setStatus(cert, failed);
      return;
    }
    TestCa.Issued issued = ca.issue(dnsNames);
    writeSecret(cert, ns, secretName, dnsNames, issuerRef, issued);
    records.request(cert, revision + 1, issuerRef, true,
        Conditions.condition("Ready", true, "Issued", "Certificate fetched from issuer successfully"));
    objects.setStatus(cert, ready(revision + 1, issued.leaf()));
    LOG.info(() -> "issued " + ns + "/" + secretName + " for " + dnsNames + " (revision " + (revision + 1) + ")");
  }

  private static Map<String, Object> status(int revision, List<Map<String, Object>> conditions) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("conditions", conditions);
    if (revision > 0) {
      s.put("revision", revision);
    }
    return s;
  }

  private static Map<String, Object> ready(int revision, X509Certificate leaf) {
    Map<String, Object> s = status(revision, List.of(Conditions.condition("Ready", true, "Ready",
        "Certificate is up to date and has not expired")));
    Instant notBefore = leaf.getNotBefore().toInstant();
    Instant notAfter = leaf.getNotAfter().toInstant();
    s.put("notBefore", notBefore.toString());
    s.put("notAfter", notAfter.toString());
    s.put("renewalTime", notAfter.minus(Duration.between(notBefore, notAfter).dividedBy(3)).toString());
    return s;
  }

  /** The Secret's certificate when it is ours, for exactly these names, and not due for renewal; else null. */
  private X509Certificate validCertificate(String ns, String secretName, List<String> dnsNames, String issuer,
      String kind) {
    Secret s = client.secrets().inNamespace(ns).withName(secretName).get();
    if (s == null || s.getData() == null || s.getData().get("tls.crt") == null
        || s.getMetadata().getAnnotations() == null
        || !issuer.equals(s.getMetadata().getAnnotations().get("cert-manager.io/issuer-name"))
        || !kind.equals(s.getMetadata().getAnnotations().get("cert-manager.io/issuer-kind"))) {
      return null;
    }
    try {
      X509Certificate leaf = Pem.certificates(new String(Base64.getDecoder().decode(s.getData().get("tls.crt")),
          StandardCharsets.UTF_8)).get(0);
      Set<String> sans = new HashSet<>();
      if (leaf.getSubjectAlternativeNames() != null) {
        leaf.getSubjectAlternativeNames().forEach(san -> sans.add(String.valueOf(san.get(1))));
      }
      Instant notBefore = leaf.getNotBefore().toInstant();
      Instant renewal = leaf.getNotAfter().toInstant().minus(Duration.between(notBefore,
          leaf.getNotAfter().toInstant()).dividedBy(3));
      return sans.equals(new HashSet<>(dnsNames)) && Instant.now().isBefore(renewal) ? leaf : null;
    } catch (RuntimeException | CertificateParsingException e) {
      return null;
    }
  }

  private void writeSecret(GenericKubernetesResource cert, String ns, String name, List<String> dnsNames,
      Map<String, Object> issuerRef, TestCa.Issued issued) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("cert-manager.io/alt-names", String.join(",", dnsNames));
    annotations.put("cert-manager.io/certificate-name", cert.getMetadata().getName());
    annotations.put("cert-manager.io/common-name", dnsNames.get(0));
    annotations.put("cert-manager.io/ip-sans", "");
    annotations.put("cert-manager.io/uri-sans", "");
    annotations.put("cert-manager.io/issuer-group", "cert-manager.io");
    annotations.put("cert-manager.io/issuer-kind", String.valueOf(issuerRef.getOrDefault("kind", "Issuer")));
    annotations.put("cert-manager.io/issuer-name", String.valueOf(issuerRef.get("name")));
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .withAnnotations(annotations).addToLabels("controller.cert-manager.io/fao", "true").endMetadata()
        .withType("kubernetes.io/tls")
        .addToData("tls.crt", Base64.getEncoder().encodeToString(issued.chainPem().getBytes(StandardCharsets.UTF_8)))
        .addToData("tls.key", Base64.getEncoder().encodeToString(issued.keyPem().getBytes(StandardCharsets.UTF_8)))
        .build();
    client.secrets().inNamespace(ns).resource(secret).createOr(existing -> existing.update());
  }
}
