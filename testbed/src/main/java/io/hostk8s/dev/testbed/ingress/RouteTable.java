package io.hostk8s.dev.testbed.ingress;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in serves, rebuilt from the API on every change: routes by priority, and the TLS certificates
 * of the Ingresses' Secrets (key {@code <ns>/<secret>}).
 */
record RouteTable(List<Route> routes, Map<String, TlsEntry> certificates) {

  static final RouteTable EMPTY = new RouteTable(List.of(), Map.of());

  RouteTable {
    routes = routes.stream().sorted(Comparator.comparingInt(Route::priority).reversed()).toList();
    certificates = Map.copyOf(certificates);
  }

  Optional<Route> match(String host, String path, boolean tls) {
    return routes.stream().filter(r -> r.matches(host, path, tls)).findFirst();
  }

  /** A certificate chain and its key. */
  record TlsEntry(List<X509Certificate> chain, PrivateKey key) {
  }
}
