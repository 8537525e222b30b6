package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;

/** Copies the published Service's load-balancer addresses into each Ingress's status (Traefik's publishedService). */
final class IngressStatusPublisher {

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  /** @param publishedService {@code <ns>/<name>}, or null for none */
  IngressStatusPublisher(KubernetesClient client, String publishedService) {
    this.client = client;
    String[] parts = publishedService == null ? new String[0] : publishedService.split("/", 2);
    this.namespace = parts.length == 2 ? parts[0] : null;
    this.name = parts.length == 2 ? parts[1] : null;
  }

  void publish(List<Ingress> ingresses) {
    if (name == null) {
      return;
    }
    Service svc = client.services().inNamespace(namespace).withName(name).get();
    if (svc == null || svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null) {
      return;
    }
    List<IngressLoadBalancerIngress> want = svc.getStatus().getLoadBalancer().getIngress().stream()
        .map(IngressStatusPublisher::convert).toList();
    for (Ingress ing : ingresses) {
      List<IngressLoadBalancerIngress> have = ing.getStatus() == null || ing.getStatus().getLoadBalancer() == null
          ? List.of() : ing.getStatus().getLoadBalancer().getIngress();
      if (!Objects.equals(have, want)) {
        ing.setStatus(new IngressStatus(new IngressLoadBalancerStatus(want)));
        try {
          client.network().v1().ingresses().resource(ing).updateStatus();
        } catch (KubernetesClientException e) {
          // changed meanwhile: the next round retries
        }
      }
    }
  }

  private static IngressLoadBalancerIngress convert(LoadBalancerIngress in) {
    return new IngressLoadBalancerIngressBuilder().withIp(in.getIp()).withHostname(in.getHostname()).build();
  }
}
