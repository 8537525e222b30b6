package io.hostk8s.dev.testbed.digitalocean.ccm;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.digitalocean.Account;
import io.hostk8s.dev.testbed.digitalocean.ForwardingRule;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The cloud-controller-manager stand-in of one DOKS cluster: a Service of type {@code LoadBalancer} gets a load
 * balancer in the account ({@code new}), an IP on loopback with a relay per Service port, then {@code active}, the
 * Service's {@code status.loadBalancer.ingress[0].ip} and the annotation {@value #LB_ID}. A port that cannot be
 * bound makes the LB {@code errored} and the Service gets a Warning Event (retried every {@value #RETRY_SECONDS} s).
 * A Service deleted or no longer of type LoadBalancer: relays closed, LB deleted from the account.
 */
public final class LoadBalancerController implements AutoCloseable {

  public static final String LB_ID = "kubernetes.digitalocean.com/load-balancer-id";
  public static final String LB_NAME = "service.beta.kubernetes.io/do-loadbalancer-name";
  public static final String LB_PROTOCOL = "service.beta.kubernetes.io/do-loadbalancer-protocol";
  static final long RETRY_SECONDS = 10;
  private static final Logger LOG = Logger.getLogger(LoadBalancerController.class.getName());

  private final Account account;
  private final String clusterId;
  private final Sandbox sandbox;
  private final CloudControllerSwitches switches;
  private final ServiceWriter writer;
  private final Map<String, ManagedLoadBalancer> managed = new ConcurrentHashMap<>();

  public LoadBalancerController(Account account, String clusterId, Sandbox sandbox, CloudControllerSwitches switches) {
    this.account = account;
    this.clusterId = clusterId;
    this.sandbox = sandbox;
    this.switches = switches;
    this.writer = new ServiceWriter(sandbox.client());
  }

  /** One pass over the cluster's Services. */
  public synchronized void reconcile() {
    KubernetesClient client = sandbox.client();
    Set<String> seen = new HashSet<>();
    for (Service svc : client.services().inAnyNamespace().list().getItems()) {
      if (!"LoadBalancer".equals(svc.getSpec().getType()) || svc.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String uid = svc.getMetadata().getUid();
      seen.add(uid);
      ManagedLoadBalancer m = managed.computeIfAbsent(uid, u -> create(svc));
      if (!account.hasLoadBalancer(m.lbId)) { // deleted through the API: made again, as the real CCM does
        release(m, false);
        managed.remove(uid);
        continue;
      }
      sync(svc, m);
    }
    for (ManagedLoadBalancer m : List.copyOf(managed.values())) {
      if (!seen.contains(m.serviceUid)) {
        managed.remove(m.serviceUid);
        release(m, true);
        writer.clear(m.namespace, m.service);
      }
    }
  }

  private ManagedLoadBalancer create(Service svc) {
    String region = account.clusterRegion(clusterId).orElseThrow(() -> new IllegalStateException("cluster gone"));
    String name = annotation(svc, LB_NAME).orElse(defaultName(svc.getMetadata().getUid()));
    String id = account.addLoadBalancer(clusterId, name, region, null, "new", rules(svc));
    LOG.info(() -> "cluster " + clusterId + ": load balancer " + name + " (" + id + ") for Service "
        + svc.getMetadata().getNamespace() + "/" + svc.getMetadata().getName());
    return new ManagedLoadBalancer(svc.getMetadata().getUid(), svc.getMetadata().getNamespace(),
        svc.getMetadata().getName(), id);
  }

  /** One forwarding rule per Service port (to its node port when it has one). */
  private static List<ForwardingRule> rules(Service svc) {
    String protocol = annotation(svc, LB_PROTOCOL).orElse("tcp");
    return svc.getSpec().getPorts().stream().map(p -> new ForwardingRule(protocol, p.getPort(), protocol,
        p.getNodePort() == null ? p.getPort() : p.getNodePort())).toList();
  }

  /** DigitalOcean's (Kubernetes') default: "a" + the Service uid without dashes, at most 32 characters. */
  static String defaultName(String uid) {
    String n = "a" + uid.replace("-", "");
    return n.length() > 32 ? n.substring(0, 32) : n;
  }

  private void sync(Service svc, ManagedLoadBalancer m) {
    List<Integer> ports = svc.getSpec().getPorts().stream().map(ServicePort::getPort).toList();
    account.configureLoadBalancer(m.lbId, rules(svc), account.clusterDropletIds(clusterId));
    if (switches.loadBalancersStuck() && "new".equals(m.status)) {
      return;
    }
    boolean needsRelays = !"active".equals(m.status) || !m.ports.equals(ports);
    if (needsRelays && ("errored".equals(m.status) && Instant.now().isBefore(m.retryAt))) {
      return;
    }
    if (needsRelays) {
      activate(svc, m, ports);
    }
    if ("active".equals(m.status)) {
      writer.publish(svc, m.ip, m.lbId);
    }
  }

  private void activate(Service svc, ManagedLoadBalancer m, List<Integer> ports) {
    String ns = m.namespace;
    String name = m.service;
    int from = m.ip == null ? LoopbackAddresses.FIRST : LoopbackAddresses.octet(m.ip);
    String ip = m.ip == null ? LoopbackAddresses.allocate(from) : m.ip;
    for (int attempt = 0; ; attempt++) {
      try {
        m.open(ip, ports, port -> sandbox.serviceLocalPort(ns, name, port).orElse(null));
        break;
      } catch (UncheckedIOException e) {
        String reason = String.valueOf(e.getCause().getMessage());
        if (reason.contains("in use") && attempt < 20) { // another process holds ip:port: the next address
          LoopbackAddresses.release(ip);
          ip = LoopbackAddresses.allocate(LoopbackAddresses.octet(ip) + 1);
          continue;
        }
        LoopbackAddresses.release(ip);
        m.ip = null;
        fail(svc, m, ip, ports, reason);
        return;
      }
    }
    m.status = "active";
    m.lastError = null;
    account.updateLoadBalancer(m.lbId, m.ip, "active");
    String address = m.ip;
    LOG.info(() -> "cluster " + clusterId + ": load balancer " + m.lbId + " active on " + address + " " + ports);
  }

  private void fail(Service svc, ManagedLoadBalancer m, String ip, List<Integer> ports, String reason) {
    String message = "the load balancer cannot listen on " + ip + " ports " + ports + ": " + reason
        + (reason.contains("denied") ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE: run the stand-in as"
        + " root, or `setcap cap_net_bind_service=+ep` on the java binary)" : "")
        + "; retried every " + RETRY_SECONDS + " s";
    m.status = "errored";
    m.retryAt = Instant.now().plus(Duration.ofSeconds(RETRY_SECONDS));
    account.updateLoadBalancer(m.lbId, null, "errored");
    if (!message.equals(m.lastError)) {
      m.lastError = message;
      LOG.warning(() -> "cluster " + clusterId + ": " + message);
      writer.warn(svc, "SyncLoadBalancerFailed", message);
    }
  }

  private void release(ManagedLoadBalancer m, boolean removeFromAccount) {
    m.closeRelays();
    LoopbackAddresses.release(m.ip);
    if (removeFromAccount) {
      account.removeLoadBalancer(m.lbId);
      LOG.info(() -> "cluster " + clusterId + ": load balancer " + m.lbId + " deleted with its Service");
    }
  }

  private static Optional<String> annotation(Service svc, String key) {
    Map<String, String> a = svc.getMetadata().getAnnotations();
    return Optional.ofNullable(a == null ? null : a.get(key)).filter(v -> !v.isBlank());
  }

  /** Stops serving (the cluster is gone): relays closed, load balancers left in the account, as DigitalOcean does. */
  @Override
  public synchronized void close() {
    managed.values().forEach(m -> release(m, false));
    managed.clear();
  }
}
