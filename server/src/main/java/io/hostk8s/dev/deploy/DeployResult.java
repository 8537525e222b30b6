package io.hostk8s.dev.deploy;

import java.util.List;

/**
 * What a deploy did: the namespace, the applied objects (in order), the image references replaced, the dev
 * transform's changes, the Flux Kustomizations we suspended, the readiness of every rollout target (configured
 * services and the other Deployments), whether all are ready, and that in one line for a person ({@code summary}:
 * computed when null).
 */
public record DeployResult(String namespace, List<String> applied, List<String> imageChanges, List<DevTransform.Change> devChanges,
    List<String> suspendedFlux, List<ServiceReadiness> services, boolean ready, String summary) {
  public DeployResult {
    applied = List.copyOf(applied);
    imageChanges = List.copyOf(imageChanges);
    devChanges = List.copyOf(devChanges);
    suspendedFlux = List.copyOf(suspendedFlux);
    services = List.copyOf(services);
    summary = summary != null ? summary : summarise(namespace, services);
  }

  /** "3/3 services ready in sample-app" (or which are not), "vote ready in sample-app" for one service. */
  private static String summarise(String namespace, List<ServiceReadiness> services) {
    if (services.size() == 1) {
      ServiceReadiness s = services.get(0);
      return s.name() + (s.ready() ? " ready in " + namespace : " not ready in " + namespace + ": " + s.reason());
    }
    long ready = services.stream().filter(ServiceReadiness::ready).count();
    String waiting = String.join(", ", services.stream().filter(s -> !s.ready()).map(ServiceReadiness::name).toList());
    return ready + "/" + services.size() + " services ready in " + namespace + (waiting.isEmpty() ? "" : " (not ready: " + waiting + ")");
  }
}
