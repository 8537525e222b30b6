package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The switch that makes the cert-manager stand-in's ACME issuance fail the way a real HTTP-01 challenge does
 * (the self check cannot reach the solver): ConfigMap {@value #NAMESPACE}/{@value #CONFIG_MAP}, key {@value #KEY} =
 * {@code *} (every host) or a comma-separated list of host names. Removing it (or the host) lets the next round
 * issue the certificate.
 */
public final class AcmeFaults {

  public static final String NAMESPACE = "cert-manager";
  public static final String CONFIG_MAP = "sandbox-acme-faults";
  public static final String KEY = "http01-self-check-fails";

  private final KubernetesClient client;

  AcmeFaults(KubernetesClient client) {
    this.client = client;
  }

  /** The hosts among {@code dnsNames} whose challenge is to fail now. */
  Set<String> failing(List<String> dnsNames) {
    ConfigMap cm = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP).get();
    String value = cm == null || cm.getData() == null ? null : cm.getData().get(KEY);
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    Set<String> hosts = Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return dnsNames.stream().filter(h -> hosts.contains("*") || hosts.contains(h.toLowerCase(Locale.ROOT)))
        .collect(Collectors.toSet());
  }
}
