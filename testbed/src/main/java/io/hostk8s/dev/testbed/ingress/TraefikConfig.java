package io.hostk8s.dev.testbed.ingress;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stand-in reads from Traefik's static configuration flags (the container's args, case-insensitive like
 * Traefik's): entry points {@code --entrypoints.<name>.address=:<port>} and {@code .http.tls=true}, {@code --ping}
 * (served on entry point {@code traefik}, :8080 unless given) and
 * {@code --providers.kubernetesingress.ingressendpoint.publishedservice=<ns>/<name>}.
 *
 * @param entryPoints name → container port
 */
record TraefikConfig(Map<String, Integer> entryPoints, Set<String> tlsEntryPoints, boolean ping,
    String publishedService) {

  private static final Pattern ADDRESS = Pattern.compile("--entrypoints\\.([^.=]+)\\.address=[^:]*:(\\d+)(/.*)?");
  private static final Pattern TLS = Pattern.compile("--entrypoints\\.([^.=]+)\\.http\\.tls(=true)?");

  static TraefikConfig parse(List<String> args) {
    Map<String, Integer> entryPoints = new LinkedHashMap<>();
    Set<String> tls = new LinkedHashSet<>();
    boolean ping = false;
    String published = null;
    for (String raw : args) {
      String a = raw.toLowerCase(Locale.ROOT);
      Matcher m = ADDRESS.matcher(a);
      if (m.matches()) {
        entryPoints.put(m.group(1), Integer.parseInt(m.group(2)));
        continue;
      }
      Matcher t = TLS.matcher(a);
      if (t.matches()) {
        tls.add(t.group(1));
      } else if (a.equals("--ping") || a.equals("--ping=true")) {
        ping = true;
      } else if (a.startsWith("--providers.kubernetesingress.ingressendpoint.publishedservice=")) {
        published = raw.substring(raw.indexOf('=') + 1);
      }
    }
    if (ping) {
      entryPoints.putIfAbsent("traefik", 8080);
    }
    return new TraefikConfig(entryPoints, tls, ping, published);
  }
}
