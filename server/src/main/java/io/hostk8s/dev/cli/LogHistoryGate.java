package io.hostk8s.dev.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code logs SERVICE -f} joining a log the engine already follows (for {@code dev}, the IDE): the stream carries
 * new lines only, so the history is read once and printed first. Live lines that arrive meanwhile wait here and
 * follow it, without the ones the history already showed.
 */
final class LogHistoryGate {
  private final Consumer<String> out;
  private final List<String> held = new ArrayList<>();
  private boolean open;

  LogHistoryGate(Consumer<String> out) {
    this.out = out;
  }

  /** A live line: printed now, or held until the history is out. */
  synchronized void live(String line) {
    if (open) {
      out.accept(line);
    } else {
      held.add(line);
    }
  }

  /** Prints {@code history}, then the held live lines it does not already end with; from now on lines pass. */
  synchronized void history(List<String> history) {
    history.forEach(out);
    int overlap = overlap(history, held);
    held.subList(overlap, held.size()).forEach(out);
    held.clear();
    open = true;
  }

  /** No history to print: let the held lines and every later one through. */
  synchronized void open() {
    history(List.of());
  }

  /** The longest prefix of {@code live} that {@code history} ends with. */
  static int overlap(List<String> history, List<String> live) {
    for (int n = Math.min(history.size(), live.size()); n > 0; n--) {
      if (history.subList(history.size() - n, history.size()).equals(live.subList(0, n))) {
        return n;
      }
    }
    return 0;
  }
}
