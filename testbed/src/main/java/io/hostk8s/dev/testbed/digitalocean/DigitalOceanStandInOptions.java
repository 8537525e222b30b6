package io.hostk8s.dev.testbed.digitalocean;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link DigitalOceanStandIn}.
 *
 * @param workspace the repository checkout the cluster sandboxes run their pods from
 * @param stateDir where each cluster's sandbox keeps its state ({@code clusters/<id>})
 * @param port the HTTP port on 127.0.0.1, 0 for a free one
 * @param pageSize the default {@code per_page} of paginated lists (DigitalOcean: 20)
 * @param provisionSeconds how long a cluster or node stays {@code provisioning}
 * @param dropletLimit the account's {@code droplet_limit}; cluster nodes count against it
 * @param registryHost the host in docker-credentials ({@code registry.digitalocean.com})
 * @param registryAuth {@code user:password} in docker-credentials
 * @param takenRegistryNames registry names "taken by other customers" (409 on create and validate-name)
 * @param authRegistry start a real registry with credentials ({@link io.hostk8s.dev.testbed.registry.AuthRegistry}):
 *     docker-credentials then name its host and user:password (instead of registryHost/registryAuth), and the
 *     registry's repository and tag endpoints show what was really pushed to it
 * @param loadBalancersStuck the initial state of the "load balancers stay {@code new}" fault (see
 *     {@link DigitalOceanStandIn#loadBalancersStuck(boolean)})
 */
public record DigitalOceanStandInOptions(Path workspace, Path stateDir, int port, int pageSize, double provisionSeconds,
    int dropletLimit, String registryHost, String registryAuth, Set<String> takenRegistryNames, boolean authRegistry,
    boolean loadBalancersStuck) {

  public static final String DEFAULT_REGISTRY_HOST = "registry.digitalocean.com";

  public DigitalOceanStandInOptions {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(registryHost, "registryHost");
    Objects.requireNonNull(registryAuth, "registryAuth");
    takenRegistryNames = Set.copyOf(takenRegistryNames);
    if (pageSize < 1 || pageSize > 200) {
      throw new IllegalArgumentException("page size must be 1..200: " + pageSize);
    }
    if (!registryAuth.contains(":")) {
      throw new IllegalArgumentException("registry auth must be user:password");
    }
  }

  /** Defaults: any port, 20 per page, 3 s provisioning, droplet limit 25, a random registry password. */
  public static DigitalOceanStandInOptions of(Path workspace, Path stateDir) {
    return new DigitalOceanStandInOptions(workspace.toAbsolutePath(), stateDir.toAbsolutePath(), 0, 20, 3, 25,
        DEFAULT_REGISTRY_HOST, randomAuth(), Set.of("taken", "registry"), false, false);
  }

  public DigitalOceanStandInOptions withPort(int p) {
    return new DigitalOceanStandInOptions(workspace, stateDir, p, pageSize, provisionSeconds, dropletLimit,
        registryHost, registryAuth, takenRegistryNames, authRegistry, loadBalancersStuck);
  }

  public DigitalOceanStandInOptions withPageSize(int n) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, n, provisionSeconds, dropletLimit,
        registryHost, registryAuth, takenRegistryNames, authRegistry, loadBalancersStuck);
  }

  public DigitalOceanStandInOptions withProvisionSeconds(double s) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, s, dropletLimit,
        registryHost, registryAuth, takenRegistryNames, authRegistry, loadBalancersStuck);
  }

  public DigitalOceanStandInOptions withDropletLimit(int n) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, provisionSeconds, n,
        registryHost, registryAuth, takenRegistryNames, authRegistry, loadBalancersStuck);
  }

  public DigitalOceanStandInOptions withRegistry(String host, String userColonPassword) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, provisionSeconds, dropletLimit,
        host, userColonPassword, takenRegistryNames, authRegistry, loadBalancersStuck);
  }

  public DigitalOceanStandInOptions withTakenRegistryNames(Set<String> names) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, provisionSeconds, dropletLimit,
        registryHost, registryAuth, names, authRegistry, loadBalancersStuck);
  }

  /** With a real registry that wants credentials, started and stopped by the stand-in (see {@code authRegistry}). */
  public DigitalOceanStandInOptions withAuthRegistry(boolean on) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, provisionSeconds, dropletLimit,
        registryHost, registryAuth, takenRegistryNames, on, loadBalancersStuck);
  }

  /** Load balancers made by the clusters' CCM stay {@code new} until switched off at run time. */
  public DigitalOceanStandInOptions withLoadBalancersStuck(boolean stuck) {
    return new DigitalOceanStandInOptions(workspace, stateDir, port, pageSize, provisionSeconds, dropletLimit,
        registryHost, registryAuth, takenRegistryNames, authRegistry, stuck);
  }

  static String randomAuth() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    String secret = HexFormat.of().formatHex(b);
    return secret.substring(0, 8) + ":" + secret.substring(8);
  }

  @Override
  public String toString() {
    // never print the registry password
    return "DigitalOceanStandInOptions[workspace=" + workspace + ", stateDir=" + stateDir + ", port=" + port
        + ", pageSize=" + pageSize + ", provisionSeconds=" + provisionSeconds + ", dropletLimit=" + dropletLimit
        + ", registryHost=" + registryHost + ", authRegistry=" + authRegistry + ", loadBalancersStuck=" + loadBalancersStuck + "]";
  }
}
