package io.hostk8s.dev.testbed.api;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code /api/v1/namespaces/NS/pods/NAME/SUB?query} request path. */
record PodPath(String namespace, String pod, String subresource, Map<String, List<String>> query) {

  private static final Pattern PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/([a-z]+)$");

  static Optional<PodPath> parse(String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    Matcher m = PATH.matcher(uri.getRawPath());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new PodPath(m.group(1), m.group(2), m.group(3), query(uri.getRawQuery())));
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    String v = param(name);
    return v != null && (v.isEmpty() || "true".equals(v) || "1".equals(v));
  }
}
