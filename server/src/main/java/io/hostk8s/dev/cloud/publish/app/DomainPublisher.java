package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancer;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.cloud.publish.PublishSettings;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code publish domain}: the DNS and certificate part of publish alone, on a cluster you bring (the current
 * kubeconfig) or the one publish made: platform (Traefik, cert-manager, the Let's Encrypt issuer) → the ingress
 * controller's load balancer → the DNS record → when the app's Ingress asked for it, the certificate and the HTTPS
 * check. The same steps as {@link AppPublisher}, without images and the app; recorded in the publish state so
 * {@code publish teardown} removes the record (and the zone, when it was created here).
 */
public final class DomainPublisher {
  private final DigitalOcean api;
  private final PublishStateStore store;
  private final Sleeper sleeper;
  private final Nameservers nameservers;
  private final Duration waits;

  public DomainPublisher(DigitalOcean api, PublishStateStore store, Sleeper sleeper, Duration waits) {
    this(api, store, sleeper, Nameservers.dns(), waits);
  }

  DomainPublisher(DigitalOcean api, PublishStateStore store, Sleeper sleeper, Nameservers nameservers, Duration waits) {
    this.api = api;
    this.store = store;
    this.sleeper = sleeper;
    this.nameservers = nameservers;
    this.waits = waits;
  }

  /** What was done, the state after it, the app's URL, whether the certificate exists and HTTPS answered. */
  public record Outcome(PublishState state, List<String> lines, List<String> warnings, String url, boolean certificate,
      boolean httpsOk) {}

  /**
   * @param state the workspace's publish state ({@link PublishState#empty} for a cluster publish did not make)
   * @param kubeconfig the cluster: the state's, else the one every command talks to
   */
  public Outcome publish(PublishState state, Path kubeconfig, Path workspace, Map<String, String> env, PublishSettings s,
      String accountEmail, Progress progress) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    AppState app = state.appOrEmpty();
    String lbName = (state.clusterName() != null ? state.clusterName() : s.cluster()) + "-lb";
    lines.add("cluster: " + (state.clusterName() != null ? state.clusterName() + " (made by publish)" : kubeconfig));
    DnsPublisher.Result dns;
    boolean certificate;
    try (KubernetesClient client = KubeClients.client(KubeClients.config(kubeconfig, 10_000, 60_000))) {
      progress.report("platform: Traefik and cert-manager", 20);
      String email = s.acmeEmail() != null ? s.acmeEmail() : accountEmail;
      lines.addAll(new PlatformInstaller(workspace, sleeper).install(client, lbName, email, s.acmeStaging(), progress));

      progress.report("load balancer", 50);
      LoadBalancer lb = new LoadBalancerWaiter(api.loadBalancers(), sleeper, waits).await(client, lbName, progress);
      state = store.save(state.withApp(app = app.withLoadBalancer(lb.id(), lb.name(), lb.ip())));
      lines.add("load balancer " + lb.name() + " active at " + lb.ip());

      progress.report("DNS", 70);
      dns = new DnsPublisher(api.domains(), nameservers).publish(s.domain(), s.host(), lb.ip(), app);
      state = store.save(state.withApp(app = dns.app()));
      lines.addAll(dns.lines());

      certificate = hasCertificate(client);
      if (certificate) {
        progress.report("certificate for " + app.host(), 85);
        new CertificateWaiter(sleeper, waits).await(client, AppPublisher.NAMESPACE, AppPublisher.TLS_SECRET, progress);
        lines.add("certificate " + AppPublisher.TLS_SECRET + " issued for " + app.host());
      } else {
        lines.add("certificate: none yet — an Ingress for " + app.host() + " with the annotation "
            + "cert-manager.io/cluster-issuer: letsencrypt and a TLS secret gets one (publish apply deploys the app's)");
      }
    }
    boolean https = false;
    if (certificate) {
      progress.report("HTTPS check", 95);
      HttpsCheck.Outcome check = new HttpsCheck().await(app.host(), app.lbIp(), s.acmeStaging(), env,
          Duration.ofSeconds(60), sleeper);
      lines.addAll(check.lines());
      https = check.ok();
    }
    state = store.save(state.withApp(app.withChecks(certificate, https)));
    return new Outcome(state, lines, dns.warnings(), "https://" + app.host() + "/vote/", certificate, https);
  }

  private static boolean hasCertificate(KubernetesClient client) {
    try {
      GenericKubernetesResource cert = client.genericKubernetesResources("cert-manager.io/v1", "Certificate")
          .inNamespace(AppPublisher.NAMESPACE).withName(AppPublisher.TLS_SECRET).get();
      return cert != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
