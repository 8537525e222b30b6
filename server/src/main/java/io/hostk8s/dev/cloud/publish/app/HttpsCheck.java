package io.hostk8s.dev.cloud.publish.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET https://<host>/vote/} and {@code /result/} through the load balancer: the connection goes to the load
 * balancer's IP whatever DNS says (so it works before DNS has propagated), with the host as SNI and Host header, and
 * the certificate checked against the JVM's trusted CAs plus {@code HOSTK8S_CA_FILE} (a PEM file of extra CAs, e.g. a
 * company's TLS-inspecting proxy). A staging certificate is not trusted by design: then the check says so and only
 * the answer counts. {@link #await} retries for a while: a new certificate reaches the ingress controller a
 * moment after cert-manager calls it Ready.
 */
final class HttpsCheck {
  static final List<String> PATHS = List.of("/vote/", "/result/");

  record Outcome(boolean ok, List<String> lines) {}

  /**
   * {@link #check} until it passes or {@code patience} is over: the ingress controller takes a moment to pick up a
   * newly issued certificate (until then it serves its default one) and a new route.
   */
  Outcome await(String host, String ip, boolean staging, Map<String, String> env, java.time.Duration patience,
      io.hostk8s.dev.cloud.digitalocean.Sleeper sleeper) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    Outcome last = check(host, ip, staging, env);
    while (!last.ok() && System.nanoTime() < deadline) {
      sleeper.sleep(java.time.Duration.ofSeconds(2));
      last = check(host, ip, staging, env);
    }
    return last;
  }

  Outcome check(String host, String ip, boolean staging, Map<String, String> env) {
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    OkHttpClient http;
    try {
      http = client(host, ip, staging, env.get("HOSTK8S_CA_FILE"));
    } catch (Exception e) {
      return new Outcome(false, List.of("HTTPS check not possible: " + e.getMessage()));
    }
    for (String path : PATHS) {
      String url = "https://" + host + path;
      try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
        boolean good = r.code() == 200;
        ok &= good;
        lines.add(url + " → " + r.code() + (good ? "" : " (expected 200)") + " via " + ip
            + (staging ? " (staging certificate, not verified)" : " (certificate verified)"));
      } catch (IOException e) {
        ok = false;
        lines.add(url + " → " + e.getClass().getSimpleName() + ": " + e.getMessage() + " via " + ip);
      }
    }
    return new Outcome(ok, lines);
  }

  private static OkHttpClient client(String host, String ip, boolean staging, String caFile) throws Exception {
    X509TrustManager trust = staging ? trustAll() : trust(caFile);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {trust}, null);
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .dns(name -> name.equalsIgnoreCase(host) ? List.of(InetAddress.getByName(ip)) : okhttp3.Dns.SYSTEM.lookup(name))
        .sslSocketFactory(ssl.getSocketFactory(), trust)
        .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(20)).followRedirects(false);
    if (staging) {
      b.hostnameVerifier((h, s) -> true);
    }
    return b.build();
  }

  /** The JVM's CAs plus those of {@code caFile}. */
  static X509TrustManager trust(String caFile) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    X509TrustManager system = systemTrust();
    int i = 0;
    for (X509Certificate c : system.getAcceptedIssuers()) {
      ks.setCertificateEntry("system-" + i++, c);
    }
    if (caFile != null && !caFile.isBlank()) {
      try (InputStream in = Files.newInputStream(Path.of(caFile))) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          ks.setCertificateEntry("extra-" + i++, c);
        }
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  private static X509TrustManager systemTrust() throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  private static X509TrustManager trustAll() {
    return new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
      @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }
}
