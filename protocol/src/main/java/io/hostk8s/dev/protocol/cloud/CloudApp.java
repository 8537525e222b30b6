package io.hostk8s.dev.protocol.cloud;

import java.util.List;

/**
 * The published app, as last seen: its address and each piece between a browser and it.
 *
 * @param url               {@code https://<host>/vote/}
 * @param host              the public host name
 * @param loadBalancerIp    the load balancer's IP
 * @param loadBalancerState DigitalOcean's state of it ({@code new}, {@code active}, {@code errored}, {@code gone})
 * @param dnsResolves       the host resolves to the load balancer's IP here (null: not checked)
 * @param certificateReady  cert-manager's Certificate is Ready
 * @param servicesReady     Deployments of the app's namespace with every replica ready
 * @param servicesTotal     Deployments of the app's namespace
 * @param httpsOk           /vote/ and /result/ answered 200 over HTTPS through the load balancer
 * @param volumes           the block-storage volumes of the app's PVCs (Postgres' data)
 * @param images            the image references of this release
 * @param debugging         one line per service in debug mode on the cloud ({@code hostk8s.publish.debug.start}:
 *                          a dev image or debugger in production, one replica) — empty when none
 */
public record CloudApp(String url, String host, String loadBalancerIp, String loadBalancerState, Boolean dnsResolves,
    Boolean certificateReady, Integer servicesReady, Integer servicesTotal, Boolean httpsOk, List<String> volumes,
    List<String> images, List<String> debugging) {
  public CloudApp {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    images = images == null ? List.of() : List.copyOf(images);
    debugging = debugging == null ? List.of() : List.copyOf(debugging);
  }

  /** Without debug mode. */
  public CloudApp(String url, String host, String loadBalancerIp, String loadBalancerState, Boolean dnsResolves,
      Boolean certificateReady, Integer servicesReady, Integer servicesTotal, Boolean httpsOk, List<String> volumes,
      List<String> images) {
    this(url, host, loadBalancerIp, loadBalancerState, dnsResolves, certificateReady, servicesReady, servicesTotal,
        httpsOk, volumes, images, List.of());
  }

  public CloudApp withDebugging(List<String> lines) {
    return new CloudApp(url, host, loadBalancerIp, loadBalancerState, dnsResolves, certificateReady, servicesReady,
        servicesTotal, httpsOk, volumes, images, lines);
  }
}
