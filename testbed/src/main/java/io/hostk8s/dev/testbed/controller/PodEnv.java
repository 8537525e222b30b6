package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container's environment as Kubernetes would compute it (values, field refs, ConfigMaps and Secrets). */
public final class PodEnv {

  private static final String[] INHERITED = {"PATH", "HOME", "LANG", "LC_ALL", "USER", "JAVA_HOME", "TMPDIR", "TZ",
      "RUN_LOCAL_PYTHON"};

  private PodEnv() {
  }

  /** The few host variables a process needs to run at all (PATH, HOME, …), and run-local.sh's python choice. */
  static Map<String, String> base() {
    return inheritedFrom(System.getenv());
  }

  /** The part of a host environment that pods inherit (what {@code preflight} checks with). */
  public static Map<String, String> inheritedFrom(Map<String, String> host) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String k : INHERITED) {
      String v = host.get(k);
      if (v != null) {
        env.put(k, v);
      }
    }
    return env;
  }

  static Map<String, String> of(KubernetesClient client, Pod pod, Container c) {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : c.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getConfigMapRef() != null) {
        configMap(client, ns, from.getConfigMapRef().getName()).forEach((k, v) -> env.put(prefix + k, v));
      }
      if (from.getSecretRef() != null) {
        secret(client, ns, from.getSecretRef().getName()).forEach((k, v) -> env.put(prefix + k, v));
      }
    }
    for (EnvVar e : c.getEnv()) {
      env.put(e.getName(), e.getValueFrom() == null ? expand(nullToEmpty(e.getValue()), env)
          : valueFrom(client, pod, e));
    }
    return env;
  }

  private static String valueFrom(KubernetesClient client, Pod pod, EnvVar e) {
    EnvVarSource src = e.getValueFrom();
    String ns = pod.getMetadata().getNamespace();
    if (src.getFieldRef() != null) {
      return switch (src.getFieldRef().getFieldPath()) {
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> ns;
        case "spec.nodeName" -> SandboxNode.NAME;
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        default -> "";
      };
    }
    if (src.getConfigMapKeyRef() != null) {
      return nullToEmpty(configMap(client, ns, src.getConfigMapKeyRef().getName())
          .get(src.getConfigMapKeyRef().getKey()));
    }
    if (src.getSecretKeyRef() != null) {
      return nullToEmpty(secret(client, ns, src.getSecretKeyRef().getName()).get(src.getSecretKeyRef().getKey()));
    }
    return "";
  }

  private static Map<String, String> configMap(KubernetesClient client, String ns, String name) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    return cm == null || cm.getData() == null ? Map.of() : cm.getData();
  }

  private static Map<String, String> secret(KubernetesClient client, String ns, String name) {
    Secret s = client.secrets().inNamespace(ns).withName(name).get();
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) {
      return out;
    }
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (s.getStringData() != null) {
      out.putAll(s.getStringData());
    }
    return out;
  }

  /** Points a JDWP agent already in JAVA_TOOL_OPTIONS at the pod's local port for that container port. */
  static boolean rewriteJdwp(Map<String, String> env, Map<Integer, Integer> ports) {
    String opts = env.get("JAVA_TOOL_OPTIONS");
    if (opts == null || !opts.contains("jdwp")) {
      return false;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("address=(?:[^,:\\s]*:)?(\\d+)").matcher(opts);
    if (m.find() && ports.containsKey(Integer.parseInt(m.group(1)))) {
      int local = ports.get(Integer.parseInt(m.group(1)));
      env.put("JAVA_TOOL_OPTIONS", opts.substring(0, m.start()) + "address=127.0.0.1:" + local
          + opts.substring(m.end()));
    }
    return true;
  }

  /**
   * Kubernetes' dependent variables: {@code $(NAME)} becomes the value of a variable defined before it, an unknown
   * name stays as written, and {@code $$} is a literal {@code $}.
   */
  static String expand(String value, Map<String, String> defined) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(' && value.indexOf(')', i) > 0) {
        int end = value.indexOf(')', i);
        String name = value.substring(i + 2, end);
        out.append(defined.containsKey(name) ? defined.get(name) : value.substring(i, end + 1));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
