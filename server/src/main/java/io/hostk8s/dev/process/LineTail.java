package io.hostk8s.dev.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last lines of a process's output (for error messages); thread-safe. */
public final class LineTail {
  private final int max;
  private final Deque<String> lines = new ArrayDeque<>();

  public LineTail(int max) {
    this.max = max;
  }

  public synchronized void add(String line) {
    lines.addLast(line);
    if (lines.size() > max) {
      lines.removeFirst();
    }
  }

  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }
}
