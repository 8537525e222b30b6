package io.hostk8s.dev.forward;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where a service's pods are: namespace, label selector and (for the port defaults) the container name. A service
 * of hostk8s.dev.yaml uses its configured selector; any other name (a dependency such as {@code redis}) is looked
 * up as a Kubernetes Service, then a Deployment, of that name in the app namespace.
 */
public record ForwardTarget(String service, String namespace, Map<String, String> selector, String container) {
  public ForwardTarget {
    selector = Map.copyOf(selector);
  }

  /** Resolves {@code service}; fails with UNKNOWN_SERVICE (listing the known ones) when nothing matches. */
  public static ForwardTarget resolve(KubernetesClient kube, DevConfig config, String service) {
    String ns = config.namespace();
    ServiceConfig sc = config.services().get(service);
    if (sc != null && !sc.selector().isEmpty()) {
      return new ForwardTarget(service, ns, sc.selector(), sc.container());
    }
    try {
      Service svc = kube.services().inNamespace(ns).withName(service).get();
      if (svc != null && svc.getSpec().getSelector() != null && !svc.getSpec().getSelector().isEmpty()) {
        return new ForwardTarget(service, ns, svc.getSpec().getSelector(), sc == null ? null : sc.container());
      }
      Deployment d = kube.apps().deployments().inNamespace(ns).withName(service).get();
      if (d != null && d.getSpec().getSelector() != null && d.getSpec().getSelector().getMatchLabels() != null) {
        return new ForwardTarget(service, ns, d.getSpec().getSelector().getMatchLabels(), sc == null ? null : sc.container());
      }
      TreeSet<String> known = new TreeSet<>(config.services().keySet());
      kube.services().inNamespace(ns).list().getItems().forEach(s -> known.add(s.getMetadata().getName()));
      throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "': it is not in hostk8s.dev.yaml and namespace "
          + ns + " has no Service or Deployment of that name.", "Use one of: " + String.join(", ", known) + ".");
    } catch (KubernetesClientException e) {
      throw unreachable(e);
    }
  }

  /**
   * The port to forward when none is given: the first container port of the service's Deployment (the configured
   * container, else the first), else the first Service port's numeric target port.
   */
  public int defaultRemotePort(KubernetesClient kube) {
    return containerPort(kube, null);
  }

  /** The container port named {@code portName} (e.g. {@code http}, {@code debugpy}), or the default when null. */
  public int containerPort(KubernetesClient kube, String portName) {
    for (ContainerPort p : templatePorts(kube)) {
      if (portName == null || portName.equals(p.getName())) {
        return p.getContainerPort();
      }
    }
    if (portName == null) {
      try {
        Service svc = kube.services().inNamespace(namespace).withName(service).get();
        for (ServicePort p : svc == null || svc.getSpec().getPorts() == null ? List.<ServicePort>of() : svc.getSpec().getPorts()) {
          IntOrString target = p.getTargetPort();
          if (target == null || target.getIntVal() != null) {
            return target == null ? p.getPort() : target.getIntVal();
          }
        }
      } catch (KubernetesClientException e) {
        throw unreachable(e);
      }
    }
    throw HostK8sException.user(ErrorCode.FORWARD_NO_PORT, "Service '" + service + "' declares no "
        + (portName == null ? "container port" : "container port named '" + portName + "'") + " in namespace " + namespace + ".",
        "Pass the port explicitly, e.g. {\"service\": \"" + service + "\", \"port\": 8080} or --port 8080.");
  }

  /** The port's name in the pod template (e.g. {@code http}), or null. */
  public String portName(KubernetesClient kube, int port) {
    return templatePorts(kube).stream().filter(p -> p.getContainerPort() == port).map(ContainerPort::getName)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** The container ports of the service's pod template container. */
  private List<ContainerPort> templatePorts(KubernetesClient kube) {
    Container c = templateContainer(kube);
    return c == null || c.getPorts() == null ? List.of() : c.getPorts();
  }

  /** The plain ({@code value:}) environment of the service's pod template container, in order. */
  public Map<String, String> templateEnv(KubernetesClient kube) {
    Container c = templateContainer(kube);
    Map<String, String> env = new java.util.LinkedHashMap<>();
    if (c != null && c.getEnv() != null) {
      c.getEnv().stream().filter(e -> e.getValue() != null && e.getValueFrom() == null).forEach(e -> env.put(e.getName(), e.getValue()));
    }
    return env;
  }

  /** The configured container (else the first) of the first Deployment whose pod template matches the selector. */
  private Container templateContainer(KubernetesClient kube) {
    try {
      for (Deployment d : kube.apps().deployments().inNamespace(namespace).list().getItems()) {
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        if (labels == null || !labels.entrySet().containsAll(selector.entrySet()) || containers.isEmpty()) {
          continue;
        }
        return containers.stream().filter(x -> x.getName().equals(container)).findFirst().orElse(containers.get(0));
      }
      return null;
    } catch (KubernetesClientException e) {
      throw unreachable(e);
    }
  }

  public String selectorText() {
    return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((a, b) -> a + "," + b).orElse("");
  }

  static HostK8sException unreachable(KubernetesClientException e) {
    return new HostK8sException(ErrorCode.CLUSTER_UNREACHABLE, "The cluster did not answer: " + e.getMessage(),
        List.of("Check `hostk8s-dev status`; start the cluster (hostk8s-dev cluster start) or the sandbox (hostk8s-dev sandbox up)."), true, e);
  }
}
