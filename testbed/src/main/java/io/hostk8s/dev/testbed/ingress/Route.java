package io.hostk8s.dev.testbed.ingress;

import java.util.List;
import java.util.Locale;

/**
 * One Ingress path as a Traefik router: host (null: any), path and type, the backend Service port (resolved to
 * its number), the strip-prefix lists of its Middlewares, and whether it is TLS-only (the Ingress has a
 * {@code tls} section or {@code router.tls: "true"}: Traefik then serves it on TLS entry points only).
 */
record Route(String host, String path, boolean exact, String namespace, String service, int servicePort,
    List<List<String>> stripPrefixes, boolean tlsOnly, String source) {

  boolean matches(String requestHost, String requestPath, boolean tls) {
    if (tlsOnly && !tls) {
      return false;
    }
    if (host != null && !hostMatches(requestHost)) {
      return false;
    }
    return exact ? requestPath.equals(path) : requestPath.startsWith(path);
  }

  private boolean hostMatches(String requestHost) {
    String h = requestHost == null ? "" : requestHost.toLowerCase(Locale.ROOT);
    String want = host.toLowerCase(Locale.ROOT);
    if (want.startsWith("*.")) {
      return h.endsWith(want.substring(1)) && h.indexOf('.') == h.length() - want.length() + 1;
    }
    return h.equals(want);
  }

  /** Traefik's default priority is the rule's length: a host rule and a longer path come first. */
  int priority() {
    return (host == null ? 0 : 1000 + host.length()) + path.length();
  }
}
