package io.hostk8s.dev.cloud.publish.data;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Postgres pod to copy from or to: where it runs and how to log in (from the pod's own environment). The
 * password is a secret: it goes to pg tools as {@code PGPASSWORD} only, and {@link #toString()} leaves it out.
 *
 * @param side {@code local} or {@code cloud}
 */
public record Database(String side, KubernetesClient client, String namespace, String pod, String user,
    String password, String database) {
  @Override
  public String toString() {
    return side + " database " + database + " (pod " + namespace + "/" + pod + ", user " + user + ")";
  }
}
