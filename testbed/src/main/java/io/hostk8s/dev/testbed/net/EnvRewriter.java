package io.hostk8s.dev.testbed.net;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Kubernetes DNS names in a pod's environment work on the host: a value naming a Service becomes
 * {@code 127.0.0.1} and its companion {@code <PREFIX>_PORT} the Service's local port; URLs get host:port rewritten.
 */
public final class EnvRewriter {

  private static final Pattern URL = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]*://)([^@/\\s]*@)?([A-Za-z0-9][A-Za-z0-9.-]*)(?::(\\d+))?");
  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)*");

  private final ServiceLookup services;
  private final Set<String> unresolved = new LinkedHashSet<>();

  public EnvRewriter(ServiceLookup services) {
    this.services = services;
  }

  /** Host names that looked like Service names but did not resolve (yet). */
  public Set<String> unresolved() {
    return unresolved;
  }

  public Map<String, String> rewrite(Map<String, String> env, String namespace) {
    Map<String, String> out = new LinkedHashMap<>(env);
    for (Map.Entry<String, String> e : env.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      Optional<ServiceEndpoint> svc = services.resolve(namespace, value);
      if (svc.isPresent()) {
        out.put(key, "127.0.0.1");
        if (key.endsWith("_HOST")) {
          String portVar = key.substring(0, key.length() - "_HOST".length()) + "_PORT";
          out.put(portVar, String.valueOf(svc.get().localPort(parse(env.get(portVar)))));
        }
      } else if (value.contains("://")) {
        out.put(key, rewriteUrls(value, namespace));
      } else if (key.endsWith("_HOST") && looksLikeServiceName(value)) {
        unresolved.add(value);
      }
    }
    return out;
  }

  private String rewriteUrls(String value, String namespace) {
    Matcher m = URL.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String host = m.group(3);
      Optional<ServiceEndpoint> svc = services.resolve(namespace, host);
      if (svc.isPresent()) {
        String user = m.group(2) == null ? "" : m.group(2);
        int port = svc.get().localPort(parse(m.group(4)));
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + user + "127.0.0.1:" + port));
      } else {
        if (looksLikeServiceName(host)) {
          unresolved.add(host);
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
      }
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static boolean looksLikeServiceName(String v) {
    return DNS_NAME.matcher(v).matches() && !v.equals("localhost") && !v.matches("[0-9.]+");
  }

  private static Integer parse(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
