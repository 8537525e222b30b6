package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import java.util.Map;

/**
 * Honours a container's {@code httpGet} readiness probe (on the pod's local port). Exec probes are not run: the
 * recipe's port check stands in for them.
 */
final class HttpReadiness {

  private HttpReadiness() {
  }

  static void apply(Container c, Map<Integer, Integer> ports, LaunchPlan plan) {
    if (c.getReadinessProbe() == null || c.getReadinessProbe().getHttpGet() == null) {
      return;
    }
    HTTPGetAction get = c.getReadinessProbe().getHttpGet();
    Integer containerPort = resolve(c, get.getPort());
    if (containerPort != null && ports.containsKey(containerPort)) {
      plan.readyHttp(ports.get(containerPort), get.getPath());
    }
  }

  private static Integer resolve(Container c, IntOrString port) {
    if (port == null) {
      return null;
    }
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort).findFirst().orElse(null);
  }
}
