package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges a parsed hostk8s.dev.yaml over a base config (the defaults). Values of the wrong type are ignored
 * here (the schema check reports them), so a half-typed file still yields a usable config.
 */
public final class ConfigMerger {
  private ConfigMerger() {}

  public static DevConfig merge(JsonNode root, DevConfig base) {
    if (root == null || !root.isObject()) {
      return base;
    }
    JsonNode c = root.path("cluster");
    ClusterConfig cluster = new ClusterConfig(Values.text(c, "name", base.cluster().name()),
        Values.text(c, "kubeconfig", base.cluster().kubeconfig()));
    JsonNode r = root.path("registry");
    RegistryConfig registry = new RegistryConfig(Values.text(r, "push", base.registry().push()),
        Values.text(r, "pull", base.registry().pull()));
    String namespace = Values.text(root, "namespace", base.namespace());
    DeployConfig deploy = new DeployConfig(Values.text(root.path("deploy"), "manifests", base.deploy().manifests()));
    CloudConfig cloud = new CloudConfig(mergeDigitalOcean(root.path("cloud").path("digitalocean"), base.cloud().digitalocean()));
    return new DevConfig(cluster, registry, namespace, mergeServices(root.get("services"), base.services()), deploy, cloud,
        EnvironmentsConfig.merge(root.get("environments"), base.environments()));
  }

  private static Map<String, ServiceConfig> mergeServices(JsonNode node, Map<String, ServiceConfig> base) {
    if (node == null || !node.isObject()) {
      return base;
    }
    if (node.isEmpty()) {
      return Map.of();
    }
    Map<String, ServiceConfig> services = new LinkedHashMap<>(base);
    node.properties().forEach(e -> {
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        services.remove(name);
      } else if (value.isObject()) {
        ServiceConfig start = services.containsKey(name) ? services.get(name) : ServiceMerger.newService(name);
        services.put(name, ServiceMerger.merge(value, start));
      }
    });
    return services;
  }

  private static DigitalOceanConfig mergeDigitalOcean(JsonNode node, DigitalOceanConfig base) {
    if (!node.isObject()) {
      return base;
    }
    DigitalOceanConfig b = base == null ? new DigitalOceanConfig(null, null, null, null, null, null) : base;
    return new DigitalOceanConfig(Values.text(node, "cluster", b.cluster()), Values.text(node, "region", b.region()),
        Values.text(node, "nodeSize", b.nodeSize()), Values.integer(node, "nodes", b.nodes()),
        Values.text(node, "registry", b.registry()), Values.text(node, "domain", b.domain()),
        Values.text(node, "version", b.version()), Values.text(node, "host", b.host()),
        Values.text(node, "acmeEmail", b.acmeEmail()), Values.bool(node, "acmeStaging", b.acmeStaging()),
        AlertsConfig.merge(node.get("alerts"), b.alerts()));
  }
}
