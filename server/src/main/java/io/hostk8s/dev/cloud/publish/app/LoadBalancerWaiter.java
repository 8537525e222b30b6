package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancer;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancersApi;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * The ingress controller's load balancer: DigitalOcean's cloud controller makes it for the {@code LoadBalancer}
 * Service and writes its id into the annotation {@value #ID_ANNOTATION}; we wait for that, then for the load
 * balancer to be {@code active} with an IP (polling every 5 s: DigitalOcean's rate limit). Stuck → an error that
 * quotes the Service's latest event.
 */
final class LoadBalancerWaiter {
  static final String ID_ANNOTATION = "kubernetes.digitalocean.com/load-balancer-id";
  static final String NAMESPACE = "traefik";
  static final String SERVICE = "traefik";
  private final LoadBalancersApi api;
  private final Sleeper sleeper;
  private final Duration timeout;

  LoadBalancerWaiter(LoadBalancersApi api, Sleeper sleeper, Duration timeout) {
    this.api = api;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  /** {@code name}: the load balancer's name (the Service's do-loadbalancer-name), to find it before the annotation. */
  LoadBalancer await(KubernetesClient client, String name, Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      Cancel.check(progress, "waiting for the load balancer");
      Service svc = client.services().inNamespace(NAMESPACE).withName(SERVICE).get();
      String id = svc == null || svc.getMetadata().getAnnotations() == null ? null
          : svc.getMetadata().getAnnotations().get(ID_ANNOTATION);
      if (id == null) { // the cloud controller may not have written the annotation yet: look for the name
        id = api.list().stream().filter(l -> name.equals(l.name())).map(LoadBalancer::id).findFirst().orElse(null);
      }
      String now;
      if (id == null) {
        now = "load balancer " + name + ": waiting for DigitalOcean to create it";
      } else {
        Optional<LoadBalancer> lb = api.find(id);
        if (lb.isPresent() && "active".equals(lb.get().status()) && lb.get().ip() != null && !lb.get().ip().isBlank()) {
          return lb.get();
        }
        String st = lb.map(LoadBalancer::status).orElse("not listed yet");
        if ("errored".equals(st)) {
          throw error("Load balancer " + lb.get().name() + " is errored", client);
        }
        now = "load balancer " + lb.map(LoadBalancer::name).orElse(id) + ": " + st;
      }
      if (!now.equals(last)) {
        progress.report(now);
        last = now;
      }
      if (System.nanoTime() > deadline) {
        throw error(now + " after " + Durations.human(timeout), client);
      }
      sleeper.sleep(Duration.ofSeconds(5));
    }
  }

  private static HostK8sException error(String what, KubernetesClient client) {
    String event = latestEvent(client);
    return HostK8sException.user(ErrorCode.CLOUD_LOAD_BALANCER, what + (event == null ? "." : "; the Service's latest "
        + "event: " + event), "kubectl -n " + NAMESPACE + " describe svc " + SERVICE + " (publish kubeconfig); run "
        + "publish apply again to keep waiting for the same load balancer.");
  }

  private static String latestEvent(KubernetesClient client) {
    try {
      return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
          .filter(e -> e.getInvolvedObject() != null && SERVICE.equals(e.getInvolvedObject().getName()))
          .max(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
          .map(e -> e.getReason() + ": " + e.getMessage()).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
