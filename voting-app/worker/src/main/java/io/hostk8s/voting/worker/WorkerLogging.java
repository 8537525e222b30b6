package io.hostk8s.voting.worker;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Process-wide logging set-up for {@link Main}: one line per record on stderr, kept alive during shutdown. */
final class WorkerLogging {
  private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$s %3$s - %5$s%6$s%n";

  private WorkerLogging() {}

  /** Must run before anything touches java.util.logging. */
  static void install() {
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", WorkerLogManager.class.getName());
    }
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
    }
    if (LogManager.getLogManager() instanceof WorkerLogManager manager) {
      manager.holdReset();
    }
  }

  /** Flushes everything; called last by the shutdown hook. */
  static void shutdown() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.flush();
    }
    if (LogManager.getLogManager() instanceof WorkerLogManager manager) {
      manager.resetNow();
    }
  }
}
