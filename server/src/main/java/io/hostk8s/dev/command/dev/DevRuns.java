package io.hostk8s.dev.command.dev;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's dev runs by name (an engine feature: it lives, with the work the runs started, as long as the engine). */
final class DevRuns implements AutoCloseable {
  private final Map<String, DevRun> runs = new LinkedHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  static DevRuns of(EngineServices engine) {
    return engine.feature(DevRuns.class, e -> new DevRuns());
  }

  /**
   * A new run named {@code name} (or a new name). A run stopped before it began (a stop that overtook its start)
   * comes back stopped, so the start gives up at once.
   */
  synchronized DevRun begin(String name) {
    String id = name == null || name.isBlank() ? "dev-" + count.incrementAndGet() : name;
    DevRun existing = runs.get(id);
    if (existing != null) {
      if (existing.stopped()) {
        runs.remove(id);
        return existing;
      }
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "A dev run named '" + id + "' is running already.",
          "Stop it first (hostk8s.dev.stop {\"run\": \"" + id + "\"}), or give this one another name.");
    }
    DevRun run = new DevRun(id);
    runs.put(id, run);
    return run;
  }

  /** Takes the run {@code name} (every run when null) out of the table; an unknown name is remembered as stopped. */
  synchronized List<DevRun> take(String name) {
    if (name == null || name.isBlank()) {
      List<DevRun> all = new ArrayList<>(runs.values().stream().filter(r -> !r.stopped()).toList());
      runs.clear();
      return all;
    }
    DevRun run = runs.remove(name);
    if (run == null) {
      DevRun tombstone = new DevRun(name);
      tombstone.stop();
      runs.put(name, tombstone);
      return List.of();
    }
    return run.stopped() ? List.of() : List.of(run);
  }

  @Override
  public void close() {
    // the work the runs started is closed with its own features (sync, forwards, log streams)
  }
}
