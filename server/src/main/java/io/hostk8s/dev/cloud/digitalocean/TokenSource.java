package io.hostk8s.dev.cloud.digitalocean;

import java.util.Optional;

/** Where the DigitalOcean API token comes from; asked at every request (so a token set meanwhile is used). */
@FunctionalInterface
public interface TokenSource {
  /** The token, or empty when none is set. A secret: never log it. */
  Optional<String> token();

  /** The token in {@code DIGITALOCEAN_ACCESS_TOKEN} of {@code env} (blank counts as absent). */
  static TokenSource fromEnv(java.util.Map<String, String> env) {
    return () -> Optional.ofNullable(env.get("DIGITALOCEAN_ACCESS_TOKEN")).map(String::strip).filter(t -> !t.isEmpty());
  }
}
