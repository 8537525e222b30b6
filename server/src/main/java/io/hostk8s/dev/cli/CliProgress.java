package io.hostk8s.dev.cli;

import io.hostk8s.dev.progress.Progress;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress as timestamped lines on stderr (HostK8s log style); Ctrl-C cancels via {@link #cancel()}. */
final class CliProgress implements Progress {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final PrintWriter err;
  private final boolean quiet;
  private volatile boolean cancelled;

  CliProgress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public void begin(String title) {
    line(title);
  }

  @Override
  public void report(String message, Integer percentage) {
    line(percentage == null ? message : message + " (" + percentage + "%)");
  }

  @Override
  public void end(String message) {
    line(message);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  private void line(String text) {
    if (!quiet && text != null) {
      err.println("[" + LocalTime.now().format(TIME) + "] " + text);
      err.flush();
    }
  }
}
