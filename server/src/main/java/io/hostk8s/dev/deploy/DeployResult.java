package io.hostk8s.dev.deploy;

import java.util.List;

/**
 * What a deploy did: the namespace, the applied objects (in order), the image references replaced, the dev
 * transform's changes, the Flux Kustomizations we suspended, the readiness of every rollout target (configured
 * services and the other Deployments) and whether all are ready.
 */
public record DeployResult(String namespace, List<String> applied, List<String> imageChanges, List<DevTransform.Change> devChanges,
    List<String> suspendedFlux, List<ServiceReadiness> services, boolean ready) {
  public DeployResult {
    applied = List.copyOf(applied);
    imageChanges = List.copyOf(imageChanges);
    devChanges = List.copyOf(devChanges);
    suspendedFlux = List.copyOf(suspendedFlux);
    services = List.copyOf(services);
  }
}
