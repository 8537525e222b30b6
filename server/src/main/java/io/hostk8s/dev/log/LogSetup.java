package io.hostk8s.dev.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** java.util.logging set-up: no console handler (stdout/stderr may carry protocol), a file, optional extra handlers. */
public final class LogSetup {
  private static FileHandler fileHandler;

  private LogSetup() {}

  /** Resets JUL; logs go to {@code logFile} (created with its parent) and the given handlers. */
  public static synchronized void init(Path logFile, Level level, Handler... extra) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    Logger.getLogger("io.hostk8s").setLevel(level);
    // third-party libraries stay quiet unless something is wrong
    Logger.getLogger("io.fabric8").setLevel(Level.WARNING);
    Logger.getLogger("okhttp3").setLevel(Level.WARNING);
    if (logFile != null) {
      attachFile(logFile);
    }
    for (Handler h : extra) {
      h.setFormatter(new RedactingFormatter());
      root.addHandler(h);
    }
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
