package io.hostk8s.dev.testbed.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traefik and cert-manager stand-ins in a plain sandbox, installed from the DigitalOcean platform manifests, with
 * the app's own ingress.yaml in front of a small HTTP backend playing "vote".
 */
@ExtendWith(SandboxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TraefikCertManagerStandInTest {

  private static final String NS = "sample-app";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void theAppsIngressGetsATestCaCertificateAndTraefikServesTheBackendOverHttpsBySniWithThePrefixStripped(
      Sandbox sandbox) throws Exception {
    KubernetesClient client = sandbox.client();
    Platform.install(sandbox, client);
    Platform.apply(client, "platform/letsencrypt-issuer.yaml");
    Platform.apply(client, "00-namespace.yaml");
    String backendPod = backend(sandbox, client);
    Platform.apply(client, "ingress.yaml");

    GenericKubernetesResource cert = Platform.await(client, CmObjects.CM, "Certificate", NS,
        c -> "True".equals(Platform.condition(c, "Ready").get("status")), WAIT);
    assertThat(cert.getMetadata().getName()).isEqualTo("sample-app-tls");
    assertThat(CmObjects.spec(cert)).containsEntry("secretName", "sample-app-tls")
        .containsEntry("dnsNames", List.of(Platform.HOST));
    assertThat(CmObjects.map(CmObjects.spec(cert).get("issuerRef"))).containsEntry("name", "letsencrypt")
        .containsEntry("kind", "ClusterIssuer");
    Secret secret = client.secrets().inNamespace(NS).withName("sample-app-tls").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(secret.getData()).containsKeys("tls.crt", "tls.key");
    GenericKubernetesResource issuer = client.genericKubernetesResources(CmObjects.CM, "ClusterIssuer")
        .withName("letsencrypt").get();
    assertThat(Platform.condition(issuer, "Ready")).containsEntry("status", "True");

    Path caPem = TestCa.certFile(sandbox.options().stateDir());
    assertThat(caPem).exists();
    Files.writeString(sandbox.podHostPath(NS, backendPod, "/srv").orElseThrow().resolve("hello.txt"), "hello vote\n");
    int websecure = traefikPort(sandbox, 8443);
    OkHttpClient https = httpsTrusting(caPem);
    String url = "https://" + Platform.HOST + ":" + websecure + "/vote/hello.txt";
    try (Response r = awaitCertificateServed(https, url)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("hello vote\n");
      assertThat(r.handshake().peerCertificates().get(0)).isInstanceOfSatisfying(X509Certificate.class,
          c -> assertThat(c.getSubjectX500Principal().getName()).contains(Platform.HOST));
    }
    try (Response r = https.newCall(new Request.Builder()
        .url("https://" + Platform.HOST + ":" + websecure + "/elsewhere/hello.txt").build()).execute()) {
      assertThat(r.code()).isEqualTo(404);
      assertThat(r.body().string()).isEqualTo("404 page not found\n");
    }
    assertThat(servedCertificate(websecure, "other.example.test").getSubjectX500Principal().getName())
        .isEqualTo("CN=TRAEFIK DEFAULT CERT");
    String version = cert.getMetadata().getResourceVersion();
    Thread.sleep(2500);
    assertThat(client.genericKubernetesResources(CmObjects.CM, "Certificate").inNamespace(NS)
        .withName("sample-app-tls").get().getMetadata().getResourceVersion())
        .as("a Ready certificate is left alone: no status rewritten every round").isEqualTo(version);
    OkHttpClient plain = new OkHttpClient.Builder().dns(h -> List.of(InetAddress.getLoopbackAddress())).build();
    try (Response r = plain.newCall(new Request.Builder()
        .url("http://" + Platform.HOST + ":" + traefikPort(sandbox, 8000) + "/vote/hello.txt").build()).execute()) {
      assertThat(r.code()).as("an Ingress with tls is served on TLS entry points only, as Traefik does")
          .isEqualTo(404);
    }
    Service lb = client.services().inNamespace("traefik").withName("traefik").get();
    lb.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("192.0.2.10")
        .endIngress().endLoadBalancer().build());
    client.services().inNamespace("traefik").resource(lb).updateStatus();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String published = null;
    while (published == null && System.nanoTime() < deadline) {
      var status = client.network().v1().ingresses().inNamespace(NS).withName("sample-app-ingress").get().getStatus();
      published = status == null || status.getLoadBalancer() == null || status.getLoadBalancer().getIngress()
          .isEmpty() ? null : status.getLoadBalancer().getIngress().get(0).getIp();
      Thread.sleep(200);
    }
    assertThat(published).as("the LoadBalancer's address is published on the Ingress").isEqualTo("192.0.2.10");
  }

  @Test
  void aMissingIssuerAndAFailingChallengeAreReportedAsCertManagerReportsThem(Sandbox sandbox) throws Exception {
    KubernetesClient client = sandbox.client();
    Platform.install(sandbox, client);
    Platform.apply(client, "00-namespace.yaml");
    backend(sandbox, client);
    Platform.apply(client, "ingress.yaml");

    GenericKubernetesResource cert = Platform.await(client, CmObjects.CM, "Certificate", NS,
        c -> CertificateIssuer.ISSUER_NOT_FOUND.equals(Platform.condition(c, "Ready").get("reason")), WAIT);
    assertThat(Platform.condition(cert, "Ready")).containsEntry("status", "False")
        .containsEntry("message", "Referenced \"ClusterIssuer\" not found: clusterissuer.cert-manager.io "
            + "\"letsencrypt\" not found");
    GenericKubernetesResource request = Platform.await(client, CmObjects.CM, "CertificateRequest", NS,
        r -> "Pending".equals(Platform.condition(r, "Ready").get("reason")), WAIT);
    assertThat(String.valueOf(Platform.condition(request, "Ready").get("message"))).contains("not found");

    client.configMaps().inNamespace(AcmeFaults.NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(AcmeFaults.CONFIG_MAP).withNamespace(AcmeFaults.NAMESPACE).endMetadata()
        .addToData(AcmeFaults.KEY, "*").build()).create();
    Platform.apply(client, "platform/letsencrypt-issuer.yaml");
    GenericKubernetesResource challenge = Platform.await(client, CmObjects.ACME, "Challenge", NS,
        c -> "invalid".equals(Platform.statusField(c, "state")), WAIT);
    assertThat(String.valueOf(Platform.statusField(challenge, "reason"))).contains("HTTP-01 self check failed")
        .contains("http://" + Platform.HOST + "/.well-known/acme-challenge/");
    assertThat(CmObjects.spec(challenge)).containsEntry("dnsName", Platform.HOST).containsEntry("type", "HTTP-01");
    GenericKubernetesResource order = Platform.await(client, CmObjects.ACME, "Order", NS,
        o -> "invalid".equals(Platform.statusField(o, "state")), WAIT);
    assertThat(String.valueOf(Platform.statusField(order, "reason"))).contains("HTTP-01 self check failed");
    cert = Platform.await(client, CmObjects.CM, "Certificate", NS,
        c -> "Failed".equals(Platform.condition(c, "Issuing").get("reason")), WAIT);
    assertThat(Platform.condition(cert, "Ready")).containsEntry("status", "False");
    assertThat(String.valueOf(Platform.condition(cert, "Issuing").get("message"))).contains(order.getMetadata()
        .getName()).contains("HTTP-01 self check failed");
    assertThat(client.secrets().inNamespace(NS).withName("sample-app-tls").get()).isNull();

    client.configMaps().inNamespace(AcmeFaults.NAMESPACE).withName(AcmeFaults.CONFIG_MAP).delete();
    Platform.await(client, CmObjects.CM, "Certificate", NS,
        c -> "True".equals(Platform.condition(c, "Ready").get("status")), WAIT);
    Platform.await(client, CmObjects.ACME, "Order", NS, o -> "valid".equals(Platform.statusField(o, "state")), WAIT);
    assertThat(client.genericKubernetesResources(CmObjects.ACME, "Challenge").inNamespace(NS).list().getItems())
        .isEmpty();
    assertThat(client.secrets().inNamespace(NS).withName("sample-app-tls").get()).isNotNull();
  }

  /** "vote": the test HTTP server (serving its /srv) behind Service vote:80; returns its pod's name. */
  private static String backend(Sandbox sandbox, KubernetesClient client) {
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("vote").withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "vote").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "vote").endMetadata().withNewSpec()
        .addNewContainer().withName("vote").withImage("hostk8s-test-http:1").addNewPort().withName("http")
        .withContainerPort(8080).endPort().endContainer().endSpec().endTemplate().endSpec().build();
    client.resource(d).serverSideApply();
    Service s = new ServiceBuilder().withNewMetadata().withName("vote").withNamespace(NS).endMetadata()
        .withNewSpec().addToSelector("app", "vote").addNewPort().withPort(80).withNewTargetPort("http").endPort()
        .endSpec().build();
    client.resource(s).serverSideApply();
    return sandbox.awaitReady(NS, "app=vote", WAIT).get(0).getMetadata().getName();
  }

  private static int traefikPort(Sandbox sandbox, int containerPort) {
    String pod = sandbox.awaitReady("traefik", "app.kubernetes.io/name=traefik", WAIT).get(0).getMetadata()
        .getName();
    return sandbox.podLocalPort("traefik", pod, containerPort).orElseThrow();
  }

  /** Traefik picks the new Secret up within a second: until then it serves its default certificate. */
  private static Response awaitCertificateServed(OkHttpClient https, String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        return https.newCall(new Request.Builder().url(url).build()).execute();
      } catch (javax.net.ssl.SSLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static OkHttpClient httpsTrusting(Path caPem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      ks.setCertificateEntry("sandbox-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {tm}, null);
    return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm)
        .dns(h -> List.of(InetAddress.getLoopbackAddress())).build();
  }

  /** The certificate the server presents for {@code sni} (recorded, not verified). */
  private static X509Certificate servedCertificate(int port, String sni) throws Exception {
    X509Certificate[] seen = new X509Certificate[1];
    X509TrustManager recorder = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        seen[0] = chain[0];
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {recorder}, null);
    try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      SSLParameters params = s.getSSLParameters();
      params.setServerNames(List.of(new SNIHostName(sni)));
      s.setSSLParameters(params);
      s.startHandshake();
    }
    return seen[0];
  }
}
