package io.hostk8s.dev.cloud.digitalocean;

import java.time.Duration;

/** Waits between retries; tests inject a recording one. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
