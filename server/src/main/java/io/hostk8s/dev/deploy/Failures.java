package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Short, user-facing text for a failure from the Kubernetes client. */
final class Failures {
  private Failures() {}

  static String message(Throwable t) {
    if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage() + " (HTTP " + k.getCode() + ")";
    }
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r && r.getMessage() == null) {
      r = r.getCause();
    }
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }
}
