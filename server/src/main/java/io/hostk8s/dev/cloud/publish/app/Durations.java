package io.hostk8s.dev.cloud.publish.app;

import java.time.Duration;

/** A wait as a person reads it: {@code 45 s}, {@code 10 min}. */
final class Durations {
  private Durations() {}

  static String human(Duration d) {
    return d.toSeconds() < 120 ? d.toSeconds() + " s" : d.toMinutes() + " min";
  }
}
