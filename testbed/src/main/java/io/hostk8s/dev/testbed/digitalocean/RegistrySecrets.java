package io.hostk8s.dev.testbed.digitalocean;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * What DOKS's registry integration does inside a cluster: a {@code kubernetes.io/dockerconfigjson} Secret
 * {@code registry-<name>} in {@code default} per integrated registry, removed when the integration is.
 */
final class RegistrySecrets {

  static final String ANNOTATION = "digitalocean.com/dosecret-identifier";
  static final String NAMESPACE = "default";

  private final String host;
  private final String auth;

  RegistrySecrets(String host, String userColonPassword) {
    this.host = host;
    this.auth = userColonPassword;
  }

  /** The docker {@code config.json} granting access to the registry host. */
  String dockerConfigJson() {
    String encoded = Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
    return Json.object().set("auths", Json.object().set(host, Json.object().put("auth", encoded))).toString();
  }

  String host() {
    return host;
  }

  String encodedAuth() {
    return Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes the cluster's integration secrets exactly those of {@code registries}. */
  void sync(KubernetesClient client, Collection<String> registries) {
    for (Secret s : client.secrets().inNamespace(NAMESPACE).list().getItems()) {
      Map<String, String> ann = s.getMetadata().getAnnotations();
      String owner = ann == null ? null : ann.get(ANNOTATION);
      if (owner != null && !registries.contains(owner)) {
        client.secrets().inNamespace(NAMESPACE).withName(s.getMetadata().getName()).delete();
      }
    }
    String config = Base64.getEncoder().encodeToString(dockerConfigJson().getBytes(StandardCharsets.UTF_8));
    for (String registry : registries) {
      Secret secret = new SecretBuilder().withNewMetadata().withName("registry-" + registry).withNamespace(NAMESPACE)
          .addToAnnotations(ANNOTATION, registry).endMetadata()
          .withType("kubernetes.io/dockerconfigjson").addToData(".dockerconfigjson", config).build();
      client.secrets().inNamespace(NAMESPACE).resource(secret).createOr(op -> op.update());
    }
  }
}
