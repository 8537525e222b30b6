package io.hostk8s.dev.command.dev;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of the dev loop, as the engine remembers it: what it decided about the sandbox and what it started — so
 * {@code hostk8s.dev.stop} stops exactly that and leaves what others (the IDE, another terminal) started.
 */
final class DevRun {
  enum Kind { SYNC, FORWARD, LOGS }

  /** One piece of long-lived work the run started. */
  record Work(Kind kind, String service, String name) {
    String words() {
      return switch (kind) {
        case SYNC -> "sync " + service;
        case FORWARD -> "forward " + service + "/" + name;
        case LOGS -> "logs -f " + service;
      };
    }
  }

  private final String id;
  private final List<Work> started = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;
  private volatile boolean sandboxStartedHere;
  private volatile boolean sandboxKept;

  DevRun(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** The run targets the sandbox: it owns it only when it was not running before. */
  void sandbox(boolean used, boolean wasRunning) {
    sandboxStartedHere = used && !wasRunning;
    sandboxKept = used && wasRunning;
  }

  boolean sandboxStartedHere() {
    return sandboxStartedHere;
  }

  boolean sandboxKept() {
    return sandboxKept;
  }

  /** Records {@code w}; false when the run was stopped meanwhile (the caller undoes {@code w} then). */
  synchronized boolean add(Work w) {
    if (stopped) {
      return false;
    }
    started.add(w);
    return true;
  }

  /** Marks the run stopped; returns what it started (nothing is recorded after this). */
  synchronized List<Work> stop() {
    stopped = true;
    return List.copyOf(started);
  }

  boolean stopped() {
    return stopped;
  }

  List<String> startedWords() {
    List<String> words = new java.util.ArrayList<>(started.stream().map(Work::words).toList());
    if (sandboxStartedHere) {
      words.add(0, "the sandbox");
    }
    return words;
  }
}
