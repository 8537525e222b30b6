package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.DigitalOceanConfig;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;
import java.util.HashSet;
import java.util.Set;

/**
 * What to publish to, resolved: the command's arguments over {@code cloud.digitalocean} of hostk8s.dev.yaml over
 * defaults a newcomer can live with (2 × s-2vcpu-4gb in fra1, the latest Kubernetes, no HA control plane).
 * {@code registry} null: the account's existing registry, else a name derived from the account. {@code domain},
 * {@code host}, {@code acmeEmail}, {@code acmeStaging}: the app's address and certificate (hostk8s.dev.yaml only).
 */
public record PublishSettings(String cluster, String region, String nodeSize, int nodes, String version, String registry,
    boolean upgradeRegistry, String domain, String host, String acmeEmail, boolean acmeStaging, Set<String> asked) {
  /** {@code asked}'s names: the settings the command's arguments or hostk8s.dev.yaml gave (the others are defaults). */
  public static final String CLUSTER = "cluster";
  public static final String REGION = "region";
  public static final String NODE_SIZE = "nodeSize";
  public static final String NODES = "nodes";

  public PublishSettings {
    asked = Set.copyOf(asked);
  }

  /** The same settings on the cluster {@code name} in {@code region} (the one that exists). */
  public PublishSettings on(String name, String region) {
    return new PublishSettings(name, region, nodeSize, nodes, version, registry, upgradeRegistry, domain, host, acmeEmail,
        acmeStaging, asked);
  }

  /** True when {@code setting} ({@link #CLUSTER}, …) was given, not defaulted. */
  public boolean asked(String setting) {
    return asked.contains(setting);
  }

  public static final String DEFAULT_CLUSTER = "hostk8s-voting";
  public static final String DEFAULT_REGION = "fra1";
  public static final String DEFAULT_SIZE = "s-2vcpu-4gb";
  public static final int DEFAULT_NODES = 2;
  public static final String DEFAULT_VERSION = "latest";

  public static PublishSettings resolve(DevConfig config, PublishPlanArgs args) {
    DigitalOceanConfig c = config.cloud() == null || config.cloud().digitalocean() == null
        ? new DigitalOceanConfig(null, null, null, null, null, null) : config.cloud().digitalocean();
    PublishPlanArgs a = args == null ? PublishPlanArgs.defaults() : args;
    return new PublishSettings(
        first(a.cluster(), c.cluster(), DEFAULT_CLUSTER),
        first(a.region(), c.region(), DEFAULT_REGION),
        first(a.nodeSize(), c.nodeSize(), DEFAULT_SIZE),
        a.nodes() != null ? a.nodes() : c.nodes() != null ? c.nodes() : DEFAULT_NODES,
        first(a.version(), c.version(), DEFAULT_VERSION),
        registryName(first(a.registry(), c.registry(), null)),
        Boolean.TRUE.equals(a.upgradeRegistry()),
        blankToNull(c.domain()), blankToNull(c.host()), blankToNull(c.acmeEmail()), Boolean.TRUE.equals(c.acmeStaging()),
        asked(a, c));
  }

  private static Set<String> asked(PublishPlanArgs a, DigitalOceanConfig c) {
    Set<String> out = new HashSet<>();
    if (first(a.cluster(), c.cluster(), null) != null) {
      out.add(CLUSTER);
    }
    if (first(a.region(), c.region(), null) != null) {
      out.add(REGION);
    }
    if (first(a.nodeSize(), c.nodeSize(), null) != null) {
      out.add(NODE_SIZE);
    }
    if (a.nodes() != null || c.nodes() != null) {
      out.add(NODES);
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** {@code registry.digitalocean.com/name} (the form builds use) or a bare name → the bare name. */
  static String registryName(String configured) {
    if (configured == null) {
      return null;
    }
    String s = configured.trim();
    int slash = s.lastIndexOf('/');
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  private static String first(String a, String b, String c) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    if (b != null && !b.isBlank()) {
      return b.trim();
    }
    return c;
  }
}
