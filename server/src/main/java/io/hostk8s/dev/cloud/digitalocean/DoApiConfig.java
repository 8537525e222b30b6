package io.hostk8s.dev.cloud.digitalocean;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DoApi} talks to DigitalOcean: the base URL (no trailing slash, see {@link DoEndpoint}), the token, the
 * timeouts, how often a request is retried (429 always; 5xx and I/O errors only for idempotent methods) and how it waits.
 */
public record DoApiConfig(String baseUrl, TokenSource tokens, Duration connectTimeout, Duration readTimeout,
    int maxRetries, Sleeper sleeper) {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int MAX_RETRIES = 5;

  public DoApiConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(sleeper, "sleeper");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0");
    }
    baseUrl = DoEndpoint.strip(baseUrl);
  }

  /** Connect 10 s, read 30 s, 5 retries, real sleeping. */
  public static DoApiConfig defaults(String baseUrl, TokenSource tokens) {
    return new DoApiConfig(baseUrl, tokens, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_RETRIES, Sleeper.REAL);
  }

  public DoApiConfig withSleeper(Sleeper replacement) {
    return new DoApiConfig(baseUrl, tokens, connectTimeout, readTimeout, maxRetries, replacement);
  }

  public DoApiConfig withMaxRetries(int replacement) {
    return new DoApiConfig(baseUrl, tokens, connectTimeout, readTimeout, replacement, sleeper);
  }

  public DoApiConfig withTimeouts(Duration connect, Duration read) {
    return new DoApiConfig(baseUrl, tokens, connect, read, maxRetries, sleeper);
  }
}
