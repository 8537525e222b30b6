package io.hostk8s.dev.testbed.digitalocean;

import com.sun.net.httpserver.HttpServer;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * A stateful stand-in for {@code api.digitalocean.com}: the endpoints of the publish flow, answering as
 * DigitalOcean's OpenAPI spec says, over an in-memory {@link Account}. A cluster that becomes running is a real
 * in-process {@link io.hostk8s.dev.testbed.Sandbox}. {@link #close()} stops everything it started.
 */
public final class DigitalOceanStandIn implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DigitalOceanStandIn.class.getName());

  private final HttpServer server;
  private final ExecutorService executor;
  private final Account account;
  private final Faults faults = new Faults();
  private final RequestCounts counts = new RequestCounts();
  private final ClusterLifecycle lifecycle;
  private final Optional<AuthRegistry> realRegistry;

  private DigitalOceanStandIn(DigitalOceanStandInOptions options) throws IOException {
    account = new Account(options.dropletLimit(), options.takenRegistryNames());
    realRegistry = options.authRegistry()
        ? Optional.of(AuthRegistry.start(options.stateDir().resolve("auth-registry"))) : Optional.empty();
    RegistrySecrets secrets = realRegistry.map(r -> new RegistrySecrets(r.host(), r.userColonPassword()))
        .orElseGet(() -> new RegistrySecrets(options.registryHost(), options.registryAuth()));
    lifecycle = new ClusterLifecycle(account, options, secrets, realRegistry);
    Pages pages = new Pages(options.pageSize());
    Registries registries = new Registries(account, lifecycle, secrets);
    Router api = new Router();
    new CatalogRoutes(account, pages).register(api);
    new ClusterRoutes(account, lifecycle, pages).register(api);
    new NodePoolRoutes(account, lifecycle).register(api);
    new ClusterAccessRoutes(account).register(api);
    new AssociatedResourcesRoutes(account, lifecycle).register(api);
    new KubernetesRegistryRoutes(account, lifecycle).register(api);
    new RegistriesRoutes(account, registries).register(api);
    new LegacyRegistryRoutes(account, registries).register(api);
    new RepositoryRoutes(account, registries, pages, new RegistryMirror(account, realRegistry)).register(api);
    new DomainRoutes(account, pages).register(api);
    new RecordRoutes(account, pages).register(api);
    new LoadBalancerRoutes(account, pages).register(api);
    new VolumeRoutes(account, pages).register(api);
    new MonitoringRoutes(account, pages).register(api);
    Router control = new Router();
    new ControlRoutes(faults, counts).register(control);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "digitalocean-standin-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", new HttpFront(api, control, faults, counts));
    server.start();
    LOG.info(() -> "DigitalOcean stand-in serving on " + baseUrl() + " (" + options + ")");
  }

  public static DigitalOceanStandIn start(DigitalOceanStandInOptions options) {
    try {
      return new DigitalOceanStandIn(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the DigitalOcean stand-in: " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash; clients append {@code /v2/...}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The scripted failures (also reachable as {@code /_standin/faults}). */
  public Faults faults() {
    return faults;
  }

  /** Requests per method + path template so far. */
  public RequestCounts requestCount() {
    return counts;
  }

  /**
   * The fake account, for the writes DigitalOcean's own in-cluster controllers make (load balancers, volumes,
   * pushed images). Reading its state goes through the API.
   */
  public Account account() {
    return account;
  }

  /** The real registry with credentials, when started with {@code withAuthRegistry(true)}. */
  public Optional<AuthRegistry> authRegistry() {
    return realRegistry;
  }

  /**
   * The "load balancers stay {@code new}" fault, for every cluster's cloud-controller stand-in: while on, a new
   * LB gets no IP and stays {@code new}; switched off, it becomes {@code active} within a second.
   */
  public void loadBalancersStuck(boolean on) {
    lifecycle.switches().loadBalancersStuck(on);
  }

  /** The directory that is volume {@code volumeId}'s data: {@code <stateDir>/volumes/<volumeId>} (a link). */
  public java.nio.file.Path volumeDir(String volumeId) {
    return lifecycle.volumeDirs().path(volumeId);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    lifecycle.close();
    realRegistry.ifPresent(AuthRegistry::close);
    LOG.info("DigitalOcean stand-in stopped");
  }
}
