package io.hostk8s.dev.run;

import io.hostk8s.dev.config.LocalRunConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code hostk8s.run.local} starts, resolved: argv, working directory, the environment added to the host's,
 * and the two local ports. Pure: dependencies' local ports and the Deployment's env come in as values.
 */
record LocalRunPlan(String service, List<String> command, Path directory, Map<String, String> env, int port, int debugPort) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  /**
   * @param deploymentEnv the pod template's plain env; values naming a dependency (as a Kubernetes DNS name) become
   *     127.0.0.1, and the companion {@code <PREFIX>_PORT} of such a {@code <PREFIX>_HOST} its forward's local port
   * @param dependencyPorts dependency → its forward's local port
   */
  static LocalRunPlan of(String service, LocalRunConfig config, Path directory, String python, String namespace,
      Map<String, String> deploymentEnv, Map<String, Integer> dependencyPorts, int port, int debugPort) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("python", python);
    values.put("port", String.valueOf(port));
    values.put("debugPort", String.valueOf(debugPort));
    dependencyPorts.forEach((dep, p) -> {
      values.put(dep + ".host", "127.0.0.1");
      values.put(dep + ".port", String.valueOf(p));
    });
    Map<String, String> env = new LinkedHashMap<>();
    deploymentEnv.forEach((name, value) -> {
      String dep = dependencyNamed(value, namespace, dependencyPorts.keySet());
      if (dep == null) {
        env.put(name, value);
        return;
      }
      env.put(name, "127.0.0.1");
      if (name.endsWith("_HOST")) {
        env.put(name.substring(0, name.length() - "_HOST".length()) + "_PORT", String.valueOf(dependencyPorts.get(dep)));
      }
    });
    config.env().forEach((name, value) -> env.put(name, fill(value, values)));
    List<String> argv = config.command().stream().map(a -> fill(a, values)).toList();
    return new LocalRunPlan(service, argv, directory, env, port, debugPort);
  }

  /** The dependency a value names as a Service DNS name ({@code redis}, {@code redis.ns}, {@code redis.ns.svc[.cluster.local]}). */
  static String dependencyNamed(String value, String namespace, java.util.Set<String> dependencies) {
    for (String dep : dependencies) {
      if (value.equals(dep) || value.equals(dep + "." + namespace) || value.equals(dep + "." + namespace + ".svc")
          || value.equals(dep + "." + namespace + ".svc.cluster.local")) {
        return dep;
      }
    }
    return null;
  }

  /** Replaces known {@code {placeholders}}; unknown ones are left as they are. */
  static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }
}
