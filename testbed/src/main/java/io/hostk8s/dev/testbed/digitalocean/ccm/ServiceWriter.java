package io.hostk8s.dev.testbed.digitalocean.ccm;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the CCM writes back to a Service: ingress IP, the load-balancer-id annotation, Warning Events. */
final class ServiceWriter {

  private static final Logger LOG = Logger.getLogger(ServiceWriter.class.getName());

  private final KubernetesClient client;

  ServiceWriter(KubernetesClient client) {
    this.client = client;
  }

  void publish(Service svc, String ip, String lbId) {
    String ns = svc.getMetadata().getNamespace();
    String name = svc.getMetadata().getName();
    try {
      Map<String, String> a = svc.getMetadata().getAnnotations();
      if (a == null || !lbId.equals(a.get(LoadBalancerController.LB_ID))) {
        client.services().inNamespace(ns).withName(name).edit(s -> {
          Map<String, String> all = new HashMap<>(Objects.requireNonNullElse(s.getMetadata().getAnnotations(),
              Map.of()));
          all.put(LoadBalancerController.LB_ID, lbId);
          s.getMetadata().setAnnotations(all);
          return s;
        });
      }
      if (!ip.equals(ingressIp(svc))) {
        client.services().inNamespace(ns).withName(name).editStatus(s -> {
          LoadBalancerIngress ingress = new LoadBalancerIngress();
          ingress.setIp(ip);
          ServiceStatus st = new ServiceStatus();
          st.setLoadBalancer(new LoadBalancerStatus(List.of(ingress)));
          s.setStatus(st);
          return s;
        });
      }
    } catch (KubernetesClientException e) {
      LOG.log(Level.FINE, "cannot update Service " + ns + "/" + name + " (retried)", e);
    }
  }

  /** The Service (if it still exists) no longer has a load balancer: ingress and annotation removed. */
  void clear(String ns, String name) {
    try {
      Service s = client.services().inNamespace(ns).withName(name).get();
      if (s == null) {
        return;
      }
      if (ingressIp(s) != null) {
        client.services().inNamespace(ns).withName(name).editStatus(x -> {
          x.setStatus(new ServiceStatus());
          return x;
        });
      }
      Map<String, String> a = s.getMetadata().getAnnotations();
      if (a != null && a.containsKey(LoadBalancerController.LB_ID)) {
        client.services().inNamespace(ns).withName(name).edit(x -> {
          Map<String, String> all = new HashMap<>(x.getMetadata().getAnnotations());
          all.remove(LoadBalancerController.LB_ID);
          x.getMetadata().setAnnotations(all);
          return x;
        });
      }
    } catch (KubernetesClientException e) {
      LOG.log(Level.FINE, "cannot clear the load balancer of Service " + ns + "/" + name, e);
    }
  }

  /** A Warning Event on the Service, as {@code kubectl describe service} shows it. */
  void warn(Service svc, String reason, String message) {
    String ns = svc.getMetadata().getNamespace();
    String now = Instant.now().toString();
    try {
      client.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata()
          .withName(svc.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
          .withNamespace(ns).endMetadata()
          .withNewInvolvedObject().withKind("Service").withApiVersion("v1").withNamespace(ns)
          .withName(svc.getMetadata().getName()).withUid(svc.getMetadata().getUid()).endInvolvedObject()
          .withType("Warning").withReason(reason).withMessage(message).withFirstTimestamp(now)
          .withLastTimestamp(now).withCount(1).withNewSource().withComponent("service-controller").endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      LOG.log(Level.FINE, "cannot record an Event for Service " + ns + "/" + svc.getMetadata().getName(), e);
    }
  }

  static String ingressIp(Service s) {
    if (s.getStatus() == null || s.getStatus().getLoadBalancer() == null
        || s.getStatus().getLoadBalancer().getIngress() == null
        || s.getStatus().getLoadBalancer().getIngress().isEmpty()) {
      return null;
    }
    return s.getStatus().getLoadBalancer().getIngress().get(0).getIp();
  }
}
