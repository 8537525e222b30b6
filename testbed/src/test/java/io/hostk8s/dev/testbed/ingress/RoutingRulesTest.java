package io.hostk8s.dev.testbed.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Traefik's flags, route matching and SNI certificate choice, without a sandbox. */
class RoutingRulesTest {

  @Test
  void entryPointsTlsPingAndThePublishedServiceAreReadFromTheManifestsFlags() {
    TraefikConfig c = TraefikConfig.parse(List.of("--ping=true", "--entryPoints.traefik.address=:8080",
        "--entrypoints.web.address=:8000", "--entrypoints.websecure.address=:8443",
        "--entrypoints.websecure.http.tls=true", "--providers.kubernetesingress",
        "--providers.kubernetesingress.ingressendpoint.publishedservice=traefik/traefik"));
    assertThat(c.entryPoints()).containsExactlyInAnyOrderEntriesOf(Map.of("traefik", 8080, "web", 8000,
        "websecure", 8443));
    assertThat(c.tlsEntryPoints()).containsExactly("websecure");
    assertThat(c.ping()).isTrue();
    assertThat(c.publishedService()).isEqualTo("traefik/traefik");
  }

  @Test
  void theMostSpecificRouteWinsAndTlsOnlyRoutesAreNotServedOnPlainHttp() {
    Route vote = new Route("vote.example.test", "/vote", false, "ns", "vote", 80, List.of(), true, "a");
    Route any = new Route(null, "/", false, "ns", "other", 80, List.of(), false, "b");
    Route wildcard = new Route("*.example.test", "/", false, "ns", "wild", 80, List.of(), false, "c");
    RouteTable t = new RouteTable(List.of(any, wildcard, vote), Map.of());
    assertThat(t.match("vote.example.test", "/vote/x", true)).contains(vote);
    assertThat(t.match("vote.example.test", "/vote/x", false)).contains(wildcard);
    assertThat(t.match("a.b.example.test", "/", false)).contains(any);
    assertThat(t.match("elsewhere", "/vote", true)).contains(any);
    assertThat(new RouteTable(List.of(vote), Map.of()).match("vote.example.test", "/result", true)).isEmpty();
  }

  @Test
  void aCertificateCoversItsNamesAndOneLevelOfWildcard() {
    KeyPair kp = Certs.rsaKeyPair();
    var cert = Certs.selfSigned("x", kp, List.of("vote.example.test", "*.apps.example.test"), Duration.ofDays(1));
    assertThat(SniKeyManager.covers(cert, "vote.example.test")).isTrue();
    assertThat(SniKeyManager.covers(cert, "a.apps.example.test")).isTrue();
    assertThat(SniKeyManager.covers(cert, "a.b.apps.example.test")).isFalse();
    assertThat(SniKeyManager.covers(cert, "other.example.test")).isFalse();
    assertThat(Set.of(Pem.certificates(Pem.write(cert)).get(0))).containsExactly(cert);
    assertThat(Pem.privateKey(Pem.write(kp.getPrivate()))).isEqualTo(kp.getPrivate());
  }
}
