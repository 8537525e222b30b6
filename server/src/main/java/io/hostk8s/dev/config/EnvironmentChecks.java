package io.hostk8s.dev.config;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.util.Map;

/**
 * Diagnostics for {@code environments}: a value the local environment sets that the cloud leaves out (1115: the
 * cloud then runs with the manifests' value, which is rarely what was meant — say it, or set it for the cloud too).
 */
final class EnvironmentChecks {
  /** Where a problem goes (the caller locates {@code path} in the file). */
  interface Reporter {
    void report(Severity severity, ErrorCode code, String path, String message);
  }

  private EnvironmentChecks() {}

  static void check(EnvironmentsConfig envs, Reporter out) {
    EnvironmentConfig local = envs.local();
    EnvironmentConfig cloud = envs.cloud();
    local.services().forEach((name, l) -> {
      EnvironmentConfig.ServiceOverride c = cloud.services().get(name);
      String at = "environments.local.services." + name;
      if (l.replicas() != null && (c == null || c.replicas() == null)) {
        missing(out, at + ".replicas", "services." + name + ".replicas", String.valueOf(l.replicas()));
      }
      requests(out, at + ".resources.requests", "services." + name + ".resources.requests", l.requests(),
          c == null ? Map.of() : c.requests());
      requests(out, at + ".resources.limits", "services." + name + ".resources.limits", l.limits(),
          c == null ? Map.of() : c.limits());
    });
    if (local.ingressHost() != null && cloud.ingressHost() == null) {
      missing(out, "environments.local.ingress.host", "ingress.host", local.ingressHost());
    }
    local.secrets().forEach((secret, keys) -> keys.keySet().forEach(key -> {
      if (!cloud.secrets().getOrDefault(secret, Map.of()).containsKey(key)) {
        missing(out, "environments.local.secrets." + secret + "." + key, "secrets." + secret + "." + key,
            "env " + keys.get(key).env());
      }
    }));
  }

  private static void requests(Reporter out, String at, String key, Map<String, String> local, Map<String, String> cloud) {
    local.forEach((resource, value) -> {
      if (!cloud.containsKey(resource)) {
        missing(out, at + "." + resource, key + "." + resource, value);
      }
    });
  }

  private static void missing(Reporter out, String at, String key, String localValue) {
    out.report(Severity.WARNING, ErrorCode.CONFIG_CLOUD_VALUE_MISSING, at, "environments.cloud." + key
        + " is not set (local: " + localValue + "): publish applies the manifests' own value on DigitalOcean. "
        + "Set environments.cloud." + key + " too.");
  }
}
