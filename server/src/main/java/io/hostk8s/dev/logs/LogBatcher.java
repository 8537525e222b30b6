package io.hostk8s.dev.logs;

import io.hostk8s.dev.protocol.LogBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Groups a service's log lines into {@link LogBatch}es: one per pod, sent every {@link #FLUSH_MS} ms or at
 * {@link #MAX_BATCH} lines; lines longer than {@link #MAX_LINE} characters are cut.
 */
final class LogBatcher {
  static final long FLUSH_MS = 100;
  static final int MAX_BATCH = 200;
  static final int MAX_LINE = 8192;
  private final String service;
  private final Consumer<LogBatch> out;
  private final List<String> buffer = new ArrayList<>();
  private String bufferPod;
  private ScheduledFuture<?> flusher;

  LogBatcher(String service, Consumer<LogBatch> out) {
    this.service = service;
    this.out = out;
  }

  void start(ScheduledExecutorService timer) {
    flusher = timer.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
  }

  /** Adds a line of {@code pod}; a line of another pod first sends the previous pod's lines. */
  void add(String pod, String line) {
    String cut = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line;
    List<String> full = null;
    String fullPod = null;
    synchronized (buffer) {
      if (bufferPod != null && !bufferPod.equals(pod) && !buffer.isEmpty()) {
        full = new ArrayList<>(buffer);
        fullPod = bufferPod;
        buffer.clear();
      }
      bufferPod = pod;
      buffer.add(cut);
      if (buffer.size() >= MAX_BATCH && full == null) {
        full = new ArrayList<>(buffer);
        fullPod = pod;
        buffer.clear();
      }
    }
    if (full != null) {
      out.accept(new LogBatch(service, fullPod, full));
    }
  }

  void flush() {
    List<String> lines;
    String pod;
    synchronized (buffer) {
      if (buffer.isEmpty()) {
        return;
      }
      lines = new ArrayList<>(buffer);
      pod = bufferPod;
      buffer.clear();
    }
    out.accept(new LogBatch(service, pod, lines));
  }

  /** Stops the timer and sends what is left. */
  void close() {
    if (flusher != null) {
      flusher.cancel(false);
    }
    flush();
  }
}
