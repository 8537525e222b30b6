package io.hostk8s.dev.cloud.digitalocean;

/** DigitalOcean's API for publishing: one transport ({@link DoApi}) shared by a small client per resource group. */
public final class DigitalOcean implements AutoCloseable {
  private final DoApi api;
  private final AccountApi account;
  private final KubernetesApi kubernetes;
  private final SizesApi sizes;
  private final RegistryApi registry;
  private final LoadBalancersApi loadBalancers;
  private final VolumesApi volumes;
  private final DomainsApi domains;
  private final MonitoringApi monitoring;

  private DigitalOcean(DoApi api) {
    this.api = api;
    this.account = new AccountApi(api);
    this.kubernetes = new KubernetesApi(api);
    this.sizes = new SizesApi(api);
    this.registry = new RegistryApi(api);
    this.loadBalancers = new LoadBalancersApi(api);
    this.volumes = new VolumesApi(api);
    this.domains = new DomainsApi(api);
    this.monitoring = new MonitoringApi(api);
  }

  /** A client for {@code cfg}; nothing is sent until the first call. */
  public static DigitalOcean connect(DoApiConfig cfg) {
    return new DigitalOcean(new DoApi(cfg));
  }

  public AccountApi account() {
    return account;
  }

  public KubernetesApi kubernetes() {
    return kubernetes;
  }

  public SizesApi sizes() {
    return sizes;
  }

  public RegistryApi registry() {
    return registry;
  }

  public LoadBalancersApi loadBalancers() {
    return loadBalancers;
  }

  public VolumesApi volumes() {
    return volumes;
  }

  public DomainsApi domains() {
    return domains;
  }

  public MonitoringApi monitoring() {
    return monitoring;
  }

  /** The transport, for {@link DoApi#calls()} and {@link DoApi#callsByRoute()}. */
  public DoApi api() {
    return api;
  }

  @Override
  public void close() {
    api.close();
  }
}
