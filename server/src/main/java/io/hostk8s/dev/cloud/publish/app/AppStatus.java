package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.LoadBalancer;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.protocol.cloud.CloudApp;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status snapshot's view of the published app: from the publish state alone ({@link #recorded}), or checked
 * live ({@link #live}): the load balancer's state (API), the nodes, the app's Deployments and the certificate (the
 * cluster), whether the host resolves to the load balancer here (DNS), and one HTTPS request to each path.
 */
public final class AppStatus {
  private AppStatus() {}

  public static CloudApp recorded(AppState a) {
    if (a == null || a.host() == null && a.debug().isEmpty()) {
      return null;
    }
    return new CloudApp(a.host() == null ? null : url(a), a.host(), a.lbIp(), null, null, a.certificateReady(), null,
        null, a.httpsOk(), a.volumeIds(), List.copyOf(a.images().values()), debugging(a));
  }

  /** What a live reading found, and one line per piece for a person. */
  public record Live(CloudApp app, Integer nodesReady, Integer nodesTotal, List<String> lines) {}

  public static Live live(DigitalOcean api, PublishState s, Map<String, String> env, boolean staging) {
    List<String> lines = new ArrayList<>();
    Integer nodesReady = null;
    Integer nodesTotal = null;
    AppState a = s.app();
    Integer servicesReady = null;
    Integer servicesTotal = null;
    Boolean certificate = null;
    if (s.kubeconfig() != null && Files.isRegularFile(Path.of(s.kubeconfig()))) {
      try (KubernetesClient client = KubeClients.client(KubeClients.config(Path.of(s.kubeconfig()), 5_000, 15_000))) {
        List<Node> nodes = client.nodes().list().getItems();
        nodesTotal = nodes.size();
        nodesReady = (int) nodes.stream().filter(AppStatus::ready).count();
        lines.add("nodes    " + nodesReady + "/" + nodesTotal + " ready");
        if (a != null && a.host() != null) {
          List<Deployment> deployments = client.apps().deployments().inNamespace(AppPublisher.NAMESPACE).list().getItems();
          servicesTotal = deployments.size();
          servicesReady = (int) deployments.stream().filter(AppStatus::ready).count();
          List<String> waiting = deployments.stream().filter(d -> !ready(d)).map(d -> d.getMetadata().getName()).toList();
          lines.add("services " + servicesReady + "/" + servicesTotal + " ready in " + AppPublisher.NAMESPACE
              + (waiting.isEmpty() ? "" : " (not ready: " + String.join(", ", waiting) + ")"));
          Map<String, Object> c = CertificateWaiter.condition(client.genericKubernetesResources("cert-manager.io/v1",
              "Certificate").inNamespace(AppPublisher.NAMESPACE).withName(AppPublisher.TLS_SECRET).get(), "Ready");
          certificate = c != null && "True".equals(c.get("status"));
          lines.add("certificate " + AppPublisher.TLS_SECRET + ": " + (certificate ? "ready"
              : c == null ? "not issued" : c.get("reason") + " — " + c.get("message")));
        }
      } catch (RuntimeException e) {
        lines.add("cluster not reachable with " + s.kubeconfig() + ": " + e.getMessage());
      }
    }
    if (a == null || a.host() == null) {
      return new Live(null, nodesReady, nodesTotal, lines);
    }
    String lbState = a.lbId() == null ? null : api.loadBalancers().find(a.lbId()).map(LoadBalancer::status).orElse("gone");
    lines.add("load balancer " + a.lbName() + " " + a.lbIp() + ": " + lbState);
    Boolean dns = resolves(a.host(), a.lbIp());
    lines.add("DNS      " + a.host() + (dns == null ? " does not resolve here yet" : dns ? " → " + a.lbIp()
        : " resolves elsewhere (not yet propagated, or another record)"));
    HttpsCheck.Outcome https = new HttpsCheck().check(a.host(), a.lbIp(), staging, env);
    lines.addAll(https.lines());
    lines.add("volumes  " + (a.volumeIds().isEmpty() ? "none" : String.join(", ", a.volumeIds())));
    lines.add("images   " + String.join(", ", a.images().values()));
    debugging(a).forEach(d -> lines.add("WARNING  " + d));
    return new Live(new CloudApp(url(a), a.host(), a.lbIp(), lbState, dns, certificate, servicesReady, servicesTotal,
        https.ok(), a.volumeIds(), List.copyOf(a.images().values()), debugging(a)), nodesReady, nodesTotal, lines);
  }

  /** One line per service in debug mode (a dev image or debugger in production). */
  static List<String> debugging(AppState a) {
    return a.debug().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getValue().line()).toList();
  }

  private static String url(AppState a) {
    return "https://" + a.host() + "/vote/";
  }

  /** True when the host resolves to {@code ip}, false when to something else, null when it does not resolve. */
  static Boolean resolves(String host, String ip) {
    try {
      return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).anyMatch(ip::equals);
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean ready(Node n) {
    return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean ready(Deployment d) {
    int want = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    Integer got = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return Objects.requireNonNullElse(got, 0) >= want;
  }
}
