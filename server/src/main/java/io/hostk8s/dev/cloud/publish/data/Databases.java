package io.hostk8s.dev.cloud.publish.data;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cluster.PodReadiness;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the app's Postgres in a namespace: the ready pod labelled {@code app=db}, its container with
 * {@code POSTGRES_PASSWORD}, and the login the image was started with ({@code POSTGRES_USER}, {@code POSTGRES_DB},
 * the password from its value or its Secret).
 */
public final class Databases {
  public static final String LABEL = "app";
  public static final String VALUE = "db";

  private Databases() {}

  public static Database find(String side, KubernetesClient client, String namespace) {
    Pod pod = client.pods().inNamespace(namespace).withLabel(LABEL, VALUE).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).filter(PodReadiness::isReady).findFirst()
        .orElseThrow(() -> HostK8sException.user(ErrorCode.CLOUD_DATA_NO_DATABASE, "No ready Postgres pod (label "
            + LABEL + "=" + VALUE + ") in the " + side + " namespace " + namespace + ".", side.equals("local")
            ? "Start the app locally (hostk8s-dev up), then try again." : "Run publish apply, then publish status."));
    Container c = pod.getSpec().getContainers().stream().filter(k -> env(k, "POSTGRES_PASSWORD").isPresent()).findFirst()
        .orElse(pod.getSpec().getContainers().get(0));
    String user = value(client, namespace, c, "POSTGRES_USER").orElse("postgres");
    String password = value(client, namespace, c, "POSTGRES_PASSWORD").orElse("");
    String db = value(client, namespace, c, "POSTGRES_DB").orElse(user);
    return new Database(side, client, namespace, pod.getMetadata().getName(), user, password, db);
  }

  private static Optional<EnvVar> env(Container c, String name) {
    return c.getEnv() == null ? Optional.empty() : c.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst();
  }

  private static Optional<String> value(KubernetesClient client, String namespace, Container c, String name) {
    Optional<EnvVar> e = env(c, name);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    if (e.get().getValue() != null) {
      return Optional.of(e.get().getValue());
    }
    if (e.get().getValueFrom() != null && e.get().getValueFrom().getSecretKeyRef() != null) {
      var ref = e.get().getValueFrom().getSecretKeyRef();
      Secret s = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
      String b64 = s == null || s.getData() == null ? null : s.getData().get(ref.getKey());
      if (b64 != null) {
        return Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
      }
      if (s != null && s.getStringData() != null && s.getStringData().get(ref.getKey()) != null) {
        return Optional.of(s.getStringData().get(ref.getKey()));
      }
    }
    return Optional.empty();
  }
}
