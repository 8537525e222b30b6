package io.hostk8s.dev.cloud.digitalocean;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** How long to wait before retrying: DigitalOcean's rate-limit headers for 429, exponential backoff otherwise. */
final class DoRetryDelays {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final Duration MAX_RESET_WAIT = Duration.ofSeconds(60);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private DoRetryDelays() {}

  /** 1 s, 2 s, 4 s … for attempt 0, 1, 2 …, plus up to a quarter more of jitter, never above 30 s. */
  static Duration backoff(int attempt) {
    long base = 1000L << Math.min(attempt, 5);
    long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
    return Duration.ofMillis(Math.min(base + jitter, MAX_BACKOFF.toMillis()));
  }

  /**
   * After a 429: {@code retry-after} seconds when given, else until {@code ratelimit-reset} (epoch seconds; at least
   * 1 s, at most 60 s), else the backoff.
   */
  static Duration rateLimitWait(Function<String, String> headers, int attempt, Instant now) {
    Long retryAfter = number(headers.apply("retry-after"));
    if (retryAfter != null) {
      return Duration.ofSeconds(Math.max(0, retryAfter));
    }
    Long reset = number(headers.apply("ratelimit-reset"));
    if (reset != null) {
      long millis = reset * 1000 - now.toEpochMilli();
      return Duration.ofMillis(Math.max(1000, Math.min(millis, MAX_RESET_WAIT.toMillis())));
    }
    return backoff(attempt);
  }

  /** "at 14:03:12 (in 42 s)", "in 20 s" or "within a minute", for the rate-limit message. */
  static String whenReset(Function<String, String> headers, Instant now) {
    Long reset = number(headers.apply("ratelimit-reset"));
    if (reset != null) {
      long in = Math.max(0, reset - now.getEpochSecond());
      String at = LocalTime.ofInstant(Instant.ofEpochSecond(reset), ZoneId.systemDefault()).format(CLOCK);
      return "at " + at + " (in " + in + " s)";
    }
    Long retryAfter = number(headers.apply("retry-after"));
    return retryAfter != null ? "in " + retryAfter + " s" : "within a minute";
  }

  private static Long number(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
