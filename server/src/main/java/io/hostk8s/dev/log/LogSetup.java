package io.hostk8s.dev.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** java.util.logging set-up: no console handler (stdout/stderr may carry protocol), a file, optional extra handlers. */
public final class LogSetup {
  /**
   * The loggers whose level is set here, held: JUL keeps loggers weakly and a collected one comes back at the default
   * level.
   */
  private static final List<Logger> QUIETED = new ArrayList<>();

  private static FileHandler fileHandler;

  private LogSetup() {}

  /** Resets JUL; logs go to {@code logFile} (created with its parent) and the given handlers. */
  public static synchronized void init(Path logFile, Level level, Handler... extra) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    Logger.getLogger("io.hostk8s").setLevel(level);
    // third-party libraries stay quiet unless something is wrong
    QUIETED.clear();
    quiet("io.fabric8", Level.WARNING);
    quiet("okhttp3", Level.WARNING);
    // fabric8's note that a custom resource has only an unstable version (Traefik's traefik.io/v1alpha1
    // Middleware, which has no other): nothing a user can act on, printed on every publish otherwise
    quiet("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", Level.SEVERE);
    if (logFile != null) {
      attachFile(logFile);
    }
    for (Handler h : extra) {
      h.setFormatter(new RedactingFormatter());
      root.addHandler(h);
    }
  }

  private static void quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    QUIETED.add(logger);
  }

  /** Moves the file log (e.g. to the workspace's .hostk8s/server.log once the workspace is known). */
  public static synchronized void attachFile(Path logFile) {
    Logger root = Logger.getLogger("");
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      FileHandler next = new FileHandler(logFile.toString(), 5_000_000, 1, true);
      next.setFormatter(new RedactingFormatter());
      next.setLevel(Level.ALL);
      if (fileHandler != null) {
        root.removeHandler(fileHandler);
        fileHandler.close();
      }
      fileHandler = next;
      root.addHandler(next);
    } catch (IOException | RuntimeException e) {
      Logger.getLogger(LogSetup.class.getName()).log(Level.WARNING, "cannot write log file " + logFile + ": " + e);
    }
  }

  /** Adds a handler (e.g. the LSP client handler) with the redacting formatter. */
  public static synchronized void addHandler(Handler handler) {
    handler.setFormatter(new RedactingFormatter());
    Logger.getLogger("").addHandler(handler);
  }
}
