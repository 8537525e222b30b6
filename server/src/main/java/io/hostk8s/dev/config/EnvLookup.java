package io.hostk8s.dev.config;

import java.util.Map;
import java.util.Optional;

/**
 * HostK8s variable lookup: the process environment wins over {@code .env} (a variable present in the
 * environment hides the .env entry even when empty). Blank values count as unset.
 */
public record EnvLookup(Map<String, String> processEnv, Map<String, String> dotEnv) {
  public EnvLookup {
    processEnv = Map.copyOf(processEnv);
    dotEnv = Map.copyOf(dotEnv);
  }

  public Optional<String> get(String key) {
    String value = processEnv.containsKey(key) ? processEnv.get(key) : dotEnv.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Only the process environment (for KUBECONFIG, which HostK8s's Makefile sets itself). */
  public Optional<String> process(String key) {
    String value = processEnv.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
