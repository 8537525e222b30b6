package io.hostk8s.dev.debug;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.DevOnly;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.deploy.Workloads;
import java.util.Map;

/**
 * Whether an in-cluster attach may go ahead: always on the local target; on the cloud target only when the service's
 * published Deployment is in debug mode ({@link DevOnly#CLOUD_DEBUG_ANNOTATION}, set by {@code publish debug start}).
 * Then the attach is the local one — the same forward and adapter — through the cloud target's kubeconfig.
 */
final class CloudDebugModes {
  private CloudDebugModes() {}

  static boolean on(EngineServices engine, ServiceConfig service) {
    if (!engine.workspace().target().cloud()) {
      return true;
    }
    if (service == null) {
      return false;
    }
    String namespace = engine.workspace().config().config().namespace();
    return engine.kube().apps().deployments().inNamespace(namespace).list().getItems().stream()
        .filter(d -> Workloads.selects(service.selector(), Workloads.podLabels(d)))
        .anyMatch(CloudDebugModes::marked);
  }

  private static boolean marked(Deployment d) {
    Map<String, String> a = d.getMetadata().getAnnotations();
    return a != null && a.containsKey(DevOnly.CLOUD_DEBUG_ANNOTATION);
  }
}
