package io.hostk8s.voting.worker;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the worker. Runs the loop on the main thread; SIGTERM/SIGINT run the shutdown hook, which stops
 * the loop, lets the vote in hand finish, closes the connections and ends the process with status 0.
 */
public final class Main {
  /** How long the shutdown hook waits for the loop (one poll plus one Postgres write, generously). */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  /** Set when the loop died of an unexpected Error, so the shutdown hook does not report success. */
  private static volatile boolean crashed;

  private Main() {}

  public static void main(String[] args) {
    WorkerLogging.install();
    Logger log = Logger.getLogger(Main.class.getName());
    WorkerConfig config;
    try {
      config = WorkerConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      log.severe("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    VoteWorker worker = new VoteWorker(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(worker, log), "worker-shutdown"));
    try {
      worker.run();
    } catch (Throwable t) { // an Error: Redis/Postgres failures are handled inside the loop
      crashed = true;
      log.log(Level.SEVERE, "Worker crashed", t);
      System.exit(1);
    }
  }

  private static void shutdown(VoteWorker worker, Logger log) {
    log.info("Shutdown requested");
    worker.stop();
    boolean stopped;
    try {
      stopped = worker.awaitStopped(SHUTDOWN_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = false;
    }
    if (!stopped) {
      log.warning("Worker did not stop within " + SHUTDOWN_GRACE.toSeconds() + " s; exiting anyway");
    }
    WorkerLogging.shutdown();
    // A signal would otherwise end the JVM with 128+signal; a clean stop is a success.
    Runtime.getRuntime().halt(stopped && !crashed ? 0 : 1);
  }
}
