package io.hostk8s.dev.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables of the front end that asked for a command which a command uses on its behalf: the Docker
 * daemon and its credentials, and the registry to push to. An attached front end (a terminal while {@code dev}
 * owns the engine, an IDE attached to it) sends the ones it sets with each command, so {@code build} uses the Docker
 * of the terminal it was typed in, not the one the owner saw when it started. One it does not set keeps the owner's
 * value (an IDE started from the desktop has no {@code DOCKER_HOST}; the {@code dev} it attaches to may need one).
 * Nothing else of a front end's environment travels (secrets such as the DigitalOcean token are read where the command
 * runs: cloud commands run in the CLI's own process).
 */
public final class CallerEnv {
  /** The variables sent, when set. */
  public static final List<String> KEYS = List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONFIG",
      "REGISTRY_URL");

  private CallerEnv() {}

  /** The {@link #KEYS} that {@code env} sets. */
  public static Map<String, String> of(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      String v = env.get(k);
      if (v != null && !v.isBlank()) {
        out.put(k, v);
      }
    }
    return out;
  }

  /** {@code base} with the {@link #KEYS} the caller sets replaced by the caller's values. */
  public static Map<String, String> overlay(Map<String, String> base, Map<String, String> caller) {
    Map<String, String> out = new LinkedHashMap<>(base);
    out.putAll(of(caller));
    return out;
  }

  /** True when every one of the {@link #KEYS} that {@code caller} sets has the same value in {@code base}. */
  public static boolean same(Map<String, String> base, Map<String, String> caller) {
    return of(caller).entrySet().stream().allMatch(e -> e.getValue().equals(base.get(e.getKey())));
  }
}
