package io.hostk8s.dev.testbed.net;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The "kube-proxy": one {@link TcpRelay} per Service port, each on a stable local port. */
public final class ServiceProxy implements ServiceLookup, AutoCloseable {

  /** Picks the local port of a ready backend pod for a Service port; null when none is ready. */
  @FunctionalInterface
  public interface Backends {
    Integer pick(Service service, ServicePort port);
  }

  private final Backends backends;
  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, TcpRelay>> relays = new ConcurrentHashMap<>();

  public ServiceProxy(Backends backends) {
    this.backends = backends;
  }

  /** Creates relays for new Services (and ports), closes those of removed ones. Returns the keys added. */
  public synchronized Set<String> sync(Collection<Service> current) {
    Set<String> seen = new HashSet<>();
    Set<String> added = new HashSet<>();
    for (Service s : current) {
      String key = key(s.getMetadata().getNamespace(), s.getMetadata().getName());
      seen.add(key);
      services.put(key, s);
      Map<Integer, TcpRelay> ports = relays.computeIfAbsent(key, k -> new LinkedHashMap<>());
      if (ports.isEmpty()) {
        added.add(key);
      }
      for (ServicePort p : s.getSpec().getPorts()) {
        ports.computeIfAbsent(p.getPort(), n -> new TcpRelay(key + ":" + n, () -> route(key, n)));
      }
    }
    for (String key : Set.copyOf(relays.keySet())) {
      if (!seen.contains(key)) {
        services.remove(key);
        relays.remove(key).values().forEach(TcpRelay::close);
      }
    }
    return added;
  }

  private Integer route(String key, int servicePort) {
    Service s = services.get(key);
    if (s == null) {
      return null;
    }
    return s.getSpec().getPorts().stream().filter(p -> p.getPort() == servicePort).findFirst()
        .map(p -> backends.pick(s, p)).orElse(null);
  }

  @Override
  public synchronized Optional<ServiceEndpoint> find(String namespace, String name) {
    String key = key(namespace, name);
    Map<Integer, TcpRelay> ports = relays.get(key);
    if (ports == null || ports.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, Integer> local = new LinkedHashMap<>();
    ports.forEach((svcPort, relay) -> local.put(svcPort, relay.port()));
    return Optional.of(new ServiceEndpoint(namespace, name, local));
  }

  /** Every Service port's local relay port: {@code "<ns>/<name>"} → service port → local port. */
  public synchronized Map<String, Map<Integer, Integer>> snapshot() {
    Map<String, Map<Integer, Integer>> table = new TreeMap<>();
    relays.forEach((key, ports) -> {
      Map<Integer, Integer> local = new TreeMap<>();
      ports.forEach((svcPort, relay) -> local.put(svcPort, relay.port()));
      table.put(key, local);
    });
    return table;
  }

  static String key(String ns, String name) {
    return ns + "/" + name;
  }

  @Override
  public synchronized void close() {
    relays.values().forEach(m -> m.values().forEach(TcpRelay::close));
    relays.clear();
    services.clear();
  }
}
