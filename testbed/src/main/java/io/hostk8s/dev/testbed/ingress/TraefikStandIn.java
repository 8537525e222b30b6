package io.hostk8s.dev.testbed.ingress;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The Traefik stand-in: one server per entry point in the container's flags, on the pod's local ports — HTTP,
 * HTTPS with the certificate chosen by SNI on TLS entry points, {@code /ping} on {@code traefik} — routing by the
 * Ingresses and Middlewares it re-reads from the API every {@value #POLL_MS} ms (Traefik watches; the effect is the
 * same, a second later at most). The published Service's load-balancer address is copied into the Ingresses'
 * status, as {@code ingressendpoint.publishedservice} does.
 */
final class TraefikStandIn {

  static final long POLL_MS = 1000;
  private static final Logger LOG = Logger.getLogger(TraefikStandIn.class.getName());

  private final StandInArgs args;
  private final TraefikConfig config;
  private final RouteLoader loader;
  private final IngressStatusPublisher status;
  private final ServiceDirectory services;
  private final SniKeyManager keys;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "traefik-http");
    t.setDaemon(true);
    return t;
  });
  private volatile RouteTable table = RouteTable.EMPTY;

  TraefikStandIn(KubernetesClient client, StandInArgs args) {
    this.args = args;
    this.config = TraefikConfig.parse(args.containerArgs());
    this.loader = new RouteLoader(client);
    this.status = new IngressStatusPublisher(client, config.publishedService());
    this.services = new ServiceDirectory(args.stateDir());
    this.keys = new SniKeyManager(defaultCertificate());
  }

  void start() throws IOException, GeneralSecurityException {
    refresh();
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {keys}, null, new SecureRandom());
    config.entryPoints().forEach((name, containerPort) -> {
      try {
        serve(name, args.local(containerPort), tls);
      } catch (IOException e) {
        throw new UncheckedIOException("entry point " + name + ": " + e.getMessage(), e);
      }
    });
    Thread loop = new Thread(this::pollLoop, "traefik-providers");
    loop.setDaemon(true);
    loop.start();
    LOG.info(() -> "Traefik stand-in serving entry points " + config.entryPoints() + " (TLS: "
        + config.tlsEntryPoints() + ")");
  }

  private void serve(String name, int localPort, SSLContext tls) throws IOException {
    InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort);
    boolean secure = config.tlsEntryPoints().contains(name);
    HttpServer server;
    if (secure) {
      HttpsServer https = HttpsServer.create(addr, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    } else {
      server = HttpServer.create(addr, 64);
    }
    if (name.equals("traefik") && config.ping()) {
      server.createContext("/ping", ex -> {
        byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, ok.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(ok);
        }
      });
    } else {
      server.createContext("/", new ProxyHandler(name, secure, () -> table, services));
    }
    server.setExecutor(pool);
    server.start();
  }

  private void pollLoop() {
    while (true) {
      try {
        Thread.sleep(POLL_MS);
        refresh();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "provider refresh failed", e);
      }
    }
  }

  private void refresh() {
    try {
      List<Ingress> ingresses = loader.ingresses();
      RouteTable next = loader.load(ingresses);
      keys.update(next.certificates());
      if (!next.equals(table)) {
        LOG.info(() -> "configuration: " + next.routes().size() + " routers, certificates " + next.certificates()
            .keySet());
      }
      table = next;
      status.publish(ingresses);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the configuration from the API: " + e.getMessage());
    }
  }

  private static RouteTable.TlsEntry defaultCertificate() {
    KeyPair kp = Certs.rsaKeyPair();
    byte[] r = new byte[32];
    new SecureRandom().nextBytes(r);
    String hex = HexFormat.of().formatHex(r);
    String san = hex.substring(0, 32) + "." + hex.substring(32) + ".traefik.default";
    return new RouteTable.TlsEntry(List.of(Certs.selfSigned("TRAEFIK DEFAULT CERT", kp, List.of(san),
        Duration.ofDays(365))), kp.getPrivate());
  }
}
