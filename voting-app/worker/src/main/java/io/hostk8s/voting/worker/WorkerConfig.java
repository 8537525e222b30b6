package io.hostk8s.voting.worker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Connection settings of the worker, read from the environment (REDIS_HOST, REDIS_PORT, POSTGRES_HOST,
 * POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB), plus the loop's timing.
 *
 * @param pollTimeout how long one BLMOVE blocks; it also bounds how long a stop request waits
 * @param maxBackoff  the longest pause between reconnection attempts
 */
public record WorkerConfig(
    String redisHost,
    int redisPort,
    String postgresHost,
    int postgresPort,
    String postgresUser,
    String postgresPassword,
    String postgresDb,
    Duration pollTimeout,
    Duration maxBackoff) {

  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  public WorkerConfig {
    Objects.requireNonNull(redisHost, "redisHost");
    Objects.requireNonNull(postgresHost, "postgresHost");
    Objects.requireNonNull(postgresUser, "postgresUser");
    Objects.requireNonNull(postgresPassword, "postgresPassword");
    Objects.requireNonNull(postgresDb, "postgresDb");
    checkPort("REDIS_PORT", redisPort);
    checkPort("POSTGRES_PORT", postgresPort);
    if (pollTimeout.isNegative() || pollTimeout.isZero()) {
      throw new IllegalArgumentException("pollTimeout must be positive");
    }
    if (maxBackoff.isNegative() || maxBackoff.isZero()) {
      throw new IllegalArgumentException("maxBackoff must be positive");
    }
  }

  /** Reads the configuration; unset or blank variables take the defaults of the original worker. */
  public static WorkerConfig fromEnv(Map<String, String> env) {
    return new WorkerConfig(
        value(env, "REDIS_HOST", "redis"),
        port(env, "REDIS_PORT", 6379),
        value(env, "POSTGRES_HOST", "db"),
        port(env, "POSTGRES_PORT", 5432),
        value(env, "POSTGRES_USER", "postgres"),
        value(env, "POSTGRES_PASSWORD", "postgres"),
        value(env, "POSTGRES_DB", "votes"),
        DEFAULT_POLL_TIMEOUT,
        DEFAULT_MAX_BACKOFF);
  }

  /** The same settings with other loop timings (tests use short ones). */
  public WorkerConfig withTimings(Duration newPollTimeout, Duration newMaxBackoff) {
    return new WorkerConfig(redisHost, redisPort, postgresHost, postgresPort, postgresUser,
        postgresPassword, postgresDb, newPollTimeout, newMaxBackoff);
  }

  public String jdbcUrl() {
    String host = postgresHost.contains(":") ? "[" + postgresHost + "]" : postgresHost;
    return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + postgresDb;
  }

  @Override
  public String toString() {
    return "redis=" + redisHost + ":" + redisPort + " postgres=" + postgresUser + "@" + postgresHost + ":"
        + postgresPort + "/" + postgresDb;
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String v = value(env, name, Integer.toString(fallback));
    try {
      int port = Integer.parseInt(v);
      checkPort(name, port);
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, got '" + v + "'", e);
    }
  }

  private static void checkPort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 1 and 65535, got " + port);
    }
  }
}
