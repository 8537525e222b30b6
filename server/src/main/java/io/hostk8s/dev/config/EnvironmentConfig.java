package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one environment ({@code environments.local} or {@code environments.cloud} of hostk8s.dev.yaml) changes in the
 * manifests when deploy (local) or publish (cloud) applies them: per service its replicas and resources, the ingress
 * host, and where Secret values come from.
 *
 * @param services    per service (a service of this file, or another Deployment of the manifests: db, redis)
 * @param ingressHost replaces every Ingress rule's and TLS entry's host (null: the manifests' own)
 * @param secrets     Secret name → key → source of its value
 */
public record EnvironmentConfig(Map<String, ServiceOverride> services, String ingressHost,
    Map<String, Map<String, SecretSource>> secrets) {

  public static final EnvironmentConfig NONE = new EnvironmentConfig(Map.of(), null, Map.of());

  public EnvironmentConfig {
    services = services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
    secrets = secrets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
  }

  /**
   * A service's differences.
   *
   * @param replicas the Deployment's (or StatefulSet's) replicas
   * @param requests container resource requests ({@code cpu}, {@code memory}), merged over the manifest's
   * @param limits   container resource limits, merged over the manifest's
   */
  public record ServiceOverride(Integer replicas, Map<String, String> requests, Map<String, String> limits) {
    public ServiceOverride {
      requests = requests == null ? Map.of() : Map.copyOf(requests);
      limits = limits == null ? Map.of() : Map.copyOf(limits);
    }
  }

  /** A Secret value's source: the environment variable {@code env} of the deploying process (never the file). */
  public record SecretSource(String env) {}

  static EnvironmentConfig parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      return NONE;
    }
    Map<String, ServiceOverride> services = new LinkedHashMap<>();
    node.path("services").properties().forEach(e -> {
      JsonNode s = e.getValue();
      if (s.isObject()) {
        services.put(e.getKey(), new ServiceOverride(Values.integer(s, "replicas", null),
            strings(s.path("resources").path("requests")), strings(s.path("resources").path("limits"))));
      }
    });
    Map<String, Map<String, SecretSource>> secrets = new LinkedHashMap<>();
    node.path("secrets").properties().forEach(e -> {
      Map<String, SecretSource> keys = new LinkedHashMap<>();
      e.getValue().properties().forEach(k -> {
        String env = Values.text(k.getValue(), "env", null);
        if (env != null) {
          keys.put(k.getKey(), new SecretSource(env));
        }
      });
      secrets.put(e.getKey(), keys);
    });
    return new EnvironmentConfig(services, Values.text(node.path("ingress"), "host", null), secrets);
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (e.getValue().isValueNode()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    });
    return out;
  }
}
