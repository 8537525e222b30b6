package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The source check of one debug session, driven by its breakpoints: the first time the IDE sets breakpoints in a
 * file under {@code localRoot}, that file is compared with the container's copy ({@link SourceCheck#verify}) in
 * the background — during the configuration phase, before the code runs under those breakpoints. A mismatch
 * (or a check that cannot run, reported once) goes to {@code output} — the DAP session's debug console.
 */
public final class BreakpointSourceCheck implements AutoCloseable {
  private final EngineServices engine;
  private final String service;
  private final Path localRoot;
  private final String remoteRoot;
  private final Consumer<String> output;
  private final Set<String> seen = new HashSet<>();
  private final ExecutorService worker;
  private boolean unknownReported;

  public BreakpointSourceCheck(EngineServices engine, String service, Path localRoot, String remoteRoot, Consumer<String> output) {
    this.engine = engine;
    this.service = service;
    this.localRoot = localRoot.toAbsolutePath().normalize();
    this.remoteRoot = remoteRoot;
    this.output = output;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "source-check-" + service);
      t.setDaemon(true);
      return t;
    });
  }

  /** Called with a {@code setBreakpoints} request's {@code source.path}; files outside localRoot are ignored. */
  public void onBreakpointsSet(String sourcePath) {
    String rel = relative(sourcePath);
    synchronized (seen) {
      if (rel == null || !seen.add(rel) || worker.isShutdown()) {
        return;
      }
    }
    worker.execute(() -> report(SourceCheck.verify(engine, service, localRoot, remoteRoot, List.of(rel))));
  }

  private void report(SourceCheckResult r) {
    if (r.state() == SourceCheckResult.State.MISMATCH) {
      output.accept(r.message());
    } else if (r.state() == SourceCheckResult.State.UNKNOWN && !unknownReported) {
      unknownReported = true;
      output.accept(r.message());
    }
  }

  private String relative(String sourcePath) {
    if (sourcePath == null || sourcePath.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(sourcePath).toAbsolutePath().normalize();
      return p.startsWith(localRoot) && !p.equals(localRoot) ? localRoot.relativize(p).toString().replace('\\', '/') : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
