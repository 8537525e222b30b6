package io.hostk8s.dev.deploy;

import io.hostk8s.dev.progress.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every progress message; can be cancelled by the test. */
class RecordingProgress implements Progress {
  final List<String> messages = new CopyOnWriteArrayList<>();
  volatile boolean cancelled;

  @Override public void begin(String title) { messages.add("begin " + title); }
  @Override public void report(String message, Integer percentage) { messages.add(message); }
  @Override public void end(String message) { messages.add("end " + message); }
  @Override public boolean isCancelled() { return cancelled; }

  /** The phase words in order of first appearance ("load", "render", …). */
  List<String> phases() {
    return messages.stream().map(m -> m.contains(":") ? m.substring(0, m.indexOf(':')) : m).distinct().toList();
  }
}
