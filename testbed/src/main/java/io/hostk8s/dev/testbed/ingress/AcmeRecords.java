package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The CertificateRequest, ACME Order and Challenges of one issuance attempt, named as cert-manager names them
 * ({@code <cert>-<revision>}, {@code <request>-<hash>}, {@code <order>-<hash>}), with the state a real run ends in:
 * valid, or invalid with the HTTP-01 self check's failure as the reason.
 */
final class AcmeRecords {

  private final CmObjects objects;

  AcmeRecords(CmObjects objects) {
    this.objects = objects;
  }

  static String requestName(GenericKubernetesResource cert, int revision) {
    return cert.getMetadata().getName() + "-" + revision;
  }

  static String orderName(String request) {
    return request + "-" + hash(request);
  }

  /** A CertificateRequest's Ready condition; {@code approved} adds the Approved condition. */
  void request(GenericKubernetesResource cert, int revision, Map<String, Object> issuerRef, boolean approved,
      Map<String, Object> ready) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("issuerRef", issuerRef);
    spec.put("usages", List.of("digital signature", "key encipherment"));
    spec.put("request", "");
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("conditions", approved ? List.of(Conditions.condition("Approved", true, "cert-manager.io",
        "Certificate request has been approved by cert-manager.io"), ready) : List.of(ready));
    GenericKubernetesResource cr = CmObjects.object(CmObjects.CM, "CertificateRequest",
        cert.getMetadata().getNamespace(), requestName(cert, revision), spec, CmObjects.owner(cert));
    cr.getMetadata().setAnnotations(Map.of("cert-manager.io/certificate-name", cert.getMetadata().getName(),
        "cert-manager.io/certificate-revision", String.valueOf(revision)));
    objects.upsert(cr, status);
  }

  /**
   * The Order and one Challenge per host; hosts in {@code failing} get an invalid challenge with the self check's
   * reason. Returns the order's failure reason, or null when it is valid.
   */
  String order(GenericKubernetesResource cert, int revision, List<String> dnsNames, Map<String, Object> issuerRef,
      Set<String> failing) {
    String ns = cert.getMetadata().getNamespace();
    String order = orderName(requestName(cert, revision));
    String failure = null;
    Map<String, Object> orderSpec = new LinkedHashMap<>();
    orderSpec.put("dnsNames", dnsNames);
    orderSpec.put("issuerRef", issuerRef);
    orderSpec.put("request", "");
    GenericKubernetesResource orderObj = objects.upsert(CmObjects.object(CmObjects.ACME, "Order", ns, order,
        orderSpec, null), null);
    for (String host : dnsNames) {
      String token = Long.toHexString(hash(order + host)) + Long.toHexString(hash(host));
      String url = "http://" + host + "/.well-known/acme-challenge/" + token;
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("dnsName", host);
      spec.put("issuerRef", issuerRef);
      spec.put("type", "HTTP-01");
      spec.put("token", token);
      spec.put("key", token + ".sandbox");
      spec.put("url", "https://acme.sandbox.invalid/acme/chall/" + token);
      spec.put("authorizationURL", "https://acme.sandbox.invalid/acme/authz/" + token);
      spec.put("wildcard", false);
      spec.put("solver", Map.of("http01", Map.of("ingress", Map.of("ingressClassName", "traefik"))));
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("presented", true);
      status.put("processing", false);
      String name = order + "-" + hash(order + "/" + host);
      if (failing.contains(host)) {
        String reason = "Waiting for HTTP-01 challenge propagation: HTTP-01 self check failed: failed to perform "
            + "self check GET request '" + url + "': Get \"" + url + "\": EOF";
        status.put("state", "invalid");
        status.put("reason", reason);
        failure = failure == null ? reason : failure;
        objects.upsert(CmObjects.object(CmObjects.ACME, "Challenge", ns, name, spec, CmObjects.owner(orderObj)),
            status);
      } else {
        objects.of(CmObjects.ACME, "Challenge").inNamespace(ns).withName(name).delete();
      }
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("state", failure == null ? "valid" : "invalid");
    status.put("url", "https://acme.sandbox.invalid/acme/order/" + hash(order));
    status.put("finalizeURL", "https://acme.sandbox.invalid/acme/finalize/" + hash(order));
    if (failure != null) {
      status.put("reason", failure);
      status.put("failureTime", CmObjects.now());
    }
    objects.setStatus(orderObj, status);
    return failure;
  }

  private static long hash(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
