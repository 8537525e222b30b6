package io.hostk8s.dev.testbed.digitalocean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The fake DigitalOcean account: everything that exists in it. One lock guards all of it ({@link #locked}).
 * Its state is read only through the API; the public methods here are the writes other stand-ins (a CCM, a CSI
 * driver, a registry) make, as DigitalOcean's own controllers would.
 */
public final class Account {

  final String uuid = UUID.randomUUID().toString();
  final String teamUuid = UUID.randomUUID().toString();
  final int dropletLimit;
  final Set<String> takenRegistryNames;
  final Map<String, Cluster> clusters = new LinkedHashMap<>();
  final Map<String, Registry> registries = new LinkedHashMap<>();
  final Map<String, Domain> domains = new LinkedHashMap<>();
  final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
  final Map<String, Volume> volumes = new LinkedHashMap<>();
  final Map<String, AlertPolicy> alertPolicies = new LinkedHashMap<>();
  /** The registry subscription tier slug, null before the first registry. */
  String tier;
  Instant tierCreatedAt;
  Instant tierUpdatedAt;
  private int nextRecordId = 3352892;
  private long nextDropletId = 205545370;

  Account(int dropletLimit, Set<String> takenRegistryNames) {
    this.dropletLimit = dropletLimit;
    this.takenRegistryNames = takenRegistryNames;
  }

  /** Runs {@code work} holding the account lock. */
  synchronized <T> T locked(Supplier<T> work) {
    return work.get();
  }

  synchronized void locked(Runnable work) {
    work.run();
  }

  synchronized int nextRecordId() {
    return nextRecordId++;
  }

  synchronized long nextDropletId() {
    return nextDropletId++;
  }

  synchronized int dropletsInUse() {
    return clusters.values().stream().mapToInt(Cluster::nodeCount).sum();
  }

  synchronized Cluster cluster(String id) {
    return Optional.ofNullable(clusters.get(id)).orElseThrow(ApiException::notFound);
  }

  synchronized List<LoadBalancer> loadBalancersOf(String clusterId) {
    return new ArrayList<>(loadBalancers.values().stream().filter(l -> clusterId.equals(l.clusterId)).toList());
  }

  synchronized List<Volume> volumesOf(String clusterId) {
    return new ArrayList<>(volumes.values().stream().filter(v -> clusterId.equals(v.clusterId)).toList());
  }

  /** A cluster's CCM created a load balancer ({@code status} {@code new} or {@code active}); returns its id. */
  public synchronized String addLoadBalancer(String clusterId, String name, String region, String ip, String status) {
    return addLoadBalancer(clusterId, name, region, ip, status, List.of(new ForwardingRule("tcp", 80, "tcp", 80)));
  }

  /** The same with its forwarding rules (DigitalOcean makes no load balancer without one). */
  public synchronized String addLoadBalancer(String clusterId, String name, String region, String ip, String status,
      List<ForwardingRule> rules) {
    Catalog.region(region).orElseThrow(() -> new IllegalArgumentException("unknown region " + region));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a load balancer needs at least one forwarding rule");
    }
    LoadBalancer lb = new LoadBalancer(clusterId, name, region, ip, status);
    lb.forwardingRules = List.copyOf(rules);
    loadBalancers.put(lb.id, lb);
    return lb.id;
  }

  /** The CCM updated a load balancer's IP and status; false when it no longer exists. */
  public synchronized boolean updateLoadBalancer(String id, String ip, String status) {
    LoadBalancer lb = loadBalancers.get(id);
    if (lb == null) {
      return false;
    }
    lb.ip = ip;
    lb.status = status;
    return true;
  }

  /** The CCM set a load balancer's forwarding rules and backend droplets; false when it no longer exists. */
  public synchronized boolean configureLoadBalancer(String id, List<ForwardingRule> rules, List<Long> dropletIds) {
    LoadBalancer lb = loadBalancers.get(id);
    if (lb == null) {
      return false;
    }
    if (!rules.isEmpty()) {
      lb.forwardingRules = List.copyOf(rules);
    }
    lb.dropletIds = List.copyOf(dropletIds);
    return true;
  }

  /** Whether the load balancer still exists (a user may delete it through the API). */
  public synchronized boolean hasLoadBalancer(String id) {
    return loadBalancers.containsKey(id);
  }

  /** The cluster's region slug, if the cluster exists. */
  public synchronized Optional<String> clusterRegion(String clusterId) {
    return Optional.ofNullable(clusters.get(clusterId)).map(c -> c.region);
  }

  /** The droplet ids of the cluster's nodes (empty when the cluster is gone). */
  public synchronized List<Long> clusterDropletIds(String clusterId) {
    Cluster c = clusters.get(clusterId);
    return c == null ? List.of() : c.pools.stream().flatMap(p -> p.nodes.stream()).map(n -> n.dropletId).toList();
  }

  /** The CCM deleted a load balancer. */
  public synchronized void removeLoadBalancer(String id) {
    loadBalancers.remove(id);
  }

  /** A cluster's CSI driver created a volume; returns its id. */
  public synchronized String addVolume(String clusterId, String name, String region, int sizeGigabytes) {
    Catalog.region(region).orElseThrow(() -> new IllegalArgumentException("unknown region " + region));
    Volume v = new Volume(clusterId, name, region, sizeGigabytes);
    volumes.put(v.id, v);
    return v.id;
  }

  /** The CSI driver attached the volume to these droplets (empty: detached); false when it no longer exists. */
  public synchronized boolean attachVolume(String id, List<Long> dropletIds) {
    Volume v = volumes.get(id);
    if (v == null) {
      return false;
    }
    v.dropletIds = List.copyOf(dropletIds);
    return true;
  }

  /** Whether the volume still exists. */
  public synchronized boolean hasVolume(String id) {
    return volumes.containsKey(id);
  }

  /** The CSI driver deleted a volume. */
  public synchronized void removeVolume(String id) {
    volumes.remove(id);
  }

  /** An image was pushed to a registry: {@code repository:tag} now points at {@code digest}. */
  public synchronized void pushManifest(String registry, String repository, String tag, String digest,
      long sizeBytes) {
    Registry r = Optional.ofNullable(registries.get(registry))
        .orElseThrow(() -> new IllegalArgumentException("no registry " + registry));
    Map<String, Registry.Manifest> manifests = r.repositories.computeIfAbsent(repository, k -> new LinkedHashMap<>());
    manifests.replaceAll((d, m) -> new Registry.Manifest(d, m.sizeBytes(), m.updatedAt(),
        m.tags().stream().filter(t -> !t.equals(tag)).toList()));
    Registry.Manifest old = manifests.get(digest);
    List<String> tags = new ArrayList<>(old == null ? List.of() : old.tags());
    tags.add(tag);
    manifests.put(digest, new Registry.Manifest(digest, sizeBytes, Instant.now(), tags));
  }
}
